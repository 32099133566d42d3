<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="ru">
<context>
    <name>AddPairDialog</name>
    <message>
        <source>Add a pair</source>
        <translation>Добавить пару</translation>
    </message>
    <message>
        <source>Optional: what was said before the question</source>
        <translation>Необязательно: что было сказано до вопроса</translation>
    </message>
    <message>
        <source>The member's question</source>
        <translation>Вопрос участника</translation>
    </message>
    <message>
        <source>The persona's answer</source>
        <translation>Ответ персоны</translation>
    </message>
    <message>
        <source>Context</source>
        <translation>Контекст</translation>
    </message>
    <message>
        <source>Question</source>
        <translation>Вопрос</translation>
    </message>
    <message>
        <source>Answer</source>
        <translation>Ответ</translation>
    </message>
    <message>
        <source>Add</source>
        <translation>Добавить</translation>
    </message>
    <message>
        <source>Write both the question and the answer.</source>
        <translation>Напишите и вопрос, и ответ.</translation>
    </message>
</context>
<context>
    <name>BulkRunner</name>
    <message>
        <source>Undo: {change}</source>
        <translation>Отмена: {change}</translation>
    </message>
    <message>
        <source>{change}: {percent}% written. Editing waits until it is done.</source>
        <translation>{change}: записано {percent}%. Править пары можно будет, когда запись закончится.</translation>
    </message>
    <message>
        <source>Cancelled: nothing was changed.</source>
        <translation>Отменено: ничего не изменилось.</translation>
    </message>
    <message>
        <source>{change}: done.</source>
        <translation>{change}: готово.</translation>
    </message>
</context>
<context>
    <name>Cli</name>
    <message>
        <source>No chat is called “{name}”.</source>
        <translation>Чата с названием «{name}» нет.</translation>
    </message>
    <message>
        <source>Check the name: the chats are listed on the Sources tab.</source>
        <translation>Проверьте название: список чатов — на вкладке «Источники».</translation>
    </message>
    <message>
        <source>The quality score learned from {approved} approved and {rejected} rejected pairs; {count} pairs scored again.</source>
        <translation>Оценка качества обучилась на {approved} одобренных и {rejected} отклонённых парах; пересчитано пар: {count}.</translation>
    </message>
    <message>
        <source>Too few decisions to learn from ({approved} approved, {rejected} rejected; {needed} in all with {each} of each are needed): the default score is used; {count} pairs scored again.</source>
        <translation>Слишком мало решений, чтобы учиться (одобрено {approved}, отклонено {rejected}; нужно всего {needed}, из них не меньше {each} каждого вида): используется обычная оценка; пересчитано пар: {count}.</translation>
    </message>
    <message>
        <source>There is no bulk change to undo.</source>
        <translation>Нет массового изменения, которое можно отменить.</translation>
    </message>
    <message>
        <source>Undone: {what} ({count} pairs).</source>
        <translation>Отменено: {what} (пар: {count}).</translation>
    </message>
    <message>
        <source>set status “{status}”</source>
        <translation>статус «{status}»</translation>
    </message>
    <message>
        <source>{matched} pairs match; {changed} changed to “{status}”. Undo with --undo.</source>
        <translation>Подходит пар: {matched}; изменено на «{status}»: {changed}. Отменить: --undo.</translation>
    </message>
    <message>
        <source>{n} pairs match.</source>
        <translation>Подходит пар: {n}.</translation>
    </message>
</context>
<context>
    <name>Curation</name>
    <message>
        <source>The search pattern is not a valid regular expression: {reason}.</source>
        <translation>Шаблон поиска — неправильное регулярное выражение: {reason}.</translation>
    </message>
    <message>
        <source>Fix the pattern, or turn off “Regular expression” to search for the words as typed.</source>
        <translation>Исправьте шаблон или выключите «Регулярное выражение», чтобы искать слова как написано.</translation>
    </message>
    <message>
        <source>A topic needs a name.</source>
        <translation>У темы должно быть название.</translation>
    </message>
    <message>
        <source>Only two neighbouring turns of the same speaker can be joined.</source>
        <translation>Объединить можно только два соседних сообщения одного собеседника.</translation>
    </message>
    <message>
        <source>This pair cannot be split there.</source>
        <translation>Здесь эту пару разделить нельзя.</translation>
    </message>
    <message>
        <source>A pair splits between an answer and the next question.</source>
        <translation>Пару можно разделить между ответом и следующим вопросом.</translation>
    </message>
    <message>
        <source>Duplicate of pair #{id}.</source>
        <translation>Дубликат пары №{id}.</translation>
    </message>
    <message>
        <source>Write both the question and the answer.</source>
        <translation>Напишите и вопрос, и ответ.</translation>
    </message>
    <message>
        <source>This operation cannot be undone here.</source>
        <translation>Это действие здесь отменить нельзя.</translation>
    </message>
    <message>
        <source>Type the text to find.</source>
        <translation>Введите текст для поиска.</translation>
    </message>
    <message>
        <source>The replacement refers to a group the pattern does not have: {reason}.</source>
        <translation>Замена ссылается на группу, которой нет в шаблоне: {reason}.</translation>
    </message>
</context>
<context>
    <name>DuplicatesDialog</name>
    <message>
        <source>Duplicate questions</source>
        <translation>Повторяющиеся вопросы</translation>
    </message>
    <message>
        <source>How alike two questions must be</source>
        <translation>Насколько похожими должны быть вопросы</translation>
    </message>
    <message>
        <source>Find again</source>
        <translation>Найти заново</translation>
    </message>
    <message>
        <source>Keep</source>
        <translation>Оставить</translation>
    </message>
    <message>
        <source>Question</source>
        <translation>Вопрос</translation>
    </message>
    <message>
        <source>Answer</source>
        <translation>Ответ</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Статус</translation>
    </message>
    <message>
        <source>Keep the ticked pairs, reject the rest</source>
        <translation>Оставить отмеченные, остальные отклонить</translation>
    </message>
    <message>
        <source>Similarity</source>
        <translation>Сходство</translation>
    </message>
    <message>
        <source>Comparing questions…</source>
        <translation>Сравниваем вопросы…</translation>
    </message>
    <message>
        <source>Looking for duplicate questions</source>
        <translation>Поиск повторяющихся вопросов</translation>
    </message>
    <message>
        <source>New</source>
        <translation>Новая</translation>
    </message>
    <message>
        <source>Approved</source>
        <translation>Одобрена</translation>
    </message>
    <message>
        <source>Rejected</source>
        <translation>Отклонена</translation>
    </message>
    <message>
        <source>Needs work</source>
        <translation>Доработать</translation>
    </message>
    <message numerus="yes">
        <source>Group {n}: %n pairs</source>
        <translation>
            <numerusform>Группа {n}: %n пара</numerusform>
            <numerusform>Группа {n}: %n пары</numerusform>
            <numerusform>Группа {n}: %n пар</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n groups of duplicates</source>
        <translation>
            <numerusform>%n группа повторов</numerusform>
            <numerusform>%n группы повторов</numerusform>
            <numerusform>%n групп повторов</numerusform>
        </translation>
    </message>
    <message>
        <source>No duplicates found.</source>
        <translation>Повторов не найдено.</translation>
    </message>
    <message numerus="yes">
        <source>the first %n are listed</source>
        <translation>
            <numerusform>показана первая %n</numerusform>
            <numerusform>показаны первые %n</numerusform>
            <numerusform>показаны первые %n</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>LearnBar</name>
    <message>
        <source>Learn from my decisions</source>
        <translation>Учесть мои решения</translation>
    </message>
    <message>
        <source>Fit the quality score on the pairs you approved and rejected, score every pair again and sort the table by quality: the pairs most likely to be approved come first.</source>
        <translation>Обучить оценку качества на одобренных и отклонённых вами парах, заново оценить все пары и отсортировать таблицу по качеству: первыми будут пары, которые вы скорее всего одобрите.</translation>
    </message>
    <message>
        <source>Most likely approved first</source>
        <translation>Сначала вероятные к одобрению</translation>
    </message>
    <message>
        <source>Sort the table by quality, highest first.</source>
        <translation>Отсортировать таблицу по качеству, от высокого к низкому.</translation>
    </message>
    <message>
        <source>Scoring every pair again…</source>
        <translation>Пары оцениваются заново…</translation>
    </message>
    <message>
        <source>Learning from your decisions</source>
        <translation>Учёт ваших решений</translation>
    </message>
    <message>
        <source>the table now shows the likeliest to be approved first.</source>
        <translation>теперь в таблице первыми идут пары, которые вы скорее всего одобрите.</translation>
    </message>
</context>
<context>
    <name>LearnText</name>
    <message numerus="yes">
        <source>The score has learnt from your %n decisions.</source>
        <translation>
            <numerusform>Оценка учла ваше %n решение.</numerusform>
            <numerusform>Оценка учла ваши %n решения.</numerusform>
            <numerusform>Оценка учла ваши %n решений.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n decisions since the score last learnt: learn again to use them.</source>
        <translation>
            <numerusform>%n решение с прошлого обучения оценки: учтите решения снова, чтобы оно вошло.</numerusform>
            <numerusform>%n решения с прошлого обучения оценки: учтите решения снова, чтобы они вошли.</numerusform>
            <numerusform>%n решений с прошлого обучения оценки: учтите решения снова, чтобы они вошли.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n decisions to learn from.</source>
        <translation>
            <numerusform>Есть %n решение, чтобы обучить оценку.</numerusform>
            <numerusform>Есть %n решения, чтобы обучить оценку.</numerusform>
            <numerusform>Есть %n решений, чтобы обучить оценку.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Approve or reject %n more pairs (at least 10 of each) and the score can learn your taste.</source>
        <translation>
            <numerusform>Одобрите или отклоните ещё %n пару (не меньше 10 тех и других), и оценка сможет учесть ваш вкус.</numerusform>
            <numerusform>Одобрите или отклоните ещё %n пары (не меньше 10 тех и других), и оценка сможет учесть ваш вкус.</numerusform>
            <numerusform>Одобрите или отклоните ещё %n пар (не меньше 10 тех и других), и оценка сможет учесть ваш вкус.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Not yet: approve or reject %n more pairs (at least 10 of each) and the score can learn your taste.</source>
        <translation>
            <numerusform>Пока рано: одобрите или отклоните ещё %n пару (не меньше 10 тех и других), и оценка сможет учесть ваш вкус.</numerusform>
            <numerusform>Пока рано: одобрите или отклоните ещё %n пары (не меньше 10 тех и других), и оценка сможет учесть ваш вкус.</numerusform>
            <numerusform>Пока рано: одобрите или отклоните ещё %n пар (не меньше 10 тех и других), и оценка сможет учесть ваш вкус.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Too few decisions now (%n): the score is back to its defaults.</source>
        <translation>
            <numerusform>Решений теперь слишком мало (%n): оценка вернулась к исходной.</numerusform>
            <numerusform>Решений теперь слишком мало (%n): оценка вернулась к исходной.</numerusform>
            <numerusform>Решений теперь слишком мало (%n): оценка вернулась к исходной.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Learnt from %n decisions</source>
        <translation>
            <numerusform>Учтено %n решение</numerusform>
            <numerusform>Учтено %n решения</numerusform>
            <numerusform>Учтено %n решений</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n of the first {top} pairs to review changed places</source>
        <translation>
            <numerusform>%n из первых {top} пар на проверку сменила место</numerusform>
            <numerusform>%n из первых {top} пар на проверку сменили место</numerusform>
            <numerusform>%n из первых {top} пар на проверку сменили место</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>PairDetailPane</name>
    <message>
        <source>Open in Telegram</source>
        <translation>Открыть в Telegram</translation>
    </message>
    <message>
        <source>Revert to original</source>
        <translation>Вернуть исходный текст</translation>
    </message>
    <message>
        <source>Undo every hand edit of this pair's text</source>
        <translation>Отменить все ручные правки текста этой пары</translation>
    </message>
    <message>
        <source>Thread</source>
        <translation>Переписка</translation>
    </message>
    <message>
        <source>Your notes about this pair (not used for training)</source>
        <translation>Ваши заметки об этой паре (в обучение не идут)</translation>
    </message>
    <message>
        <source>Empty: the project's system prompt is used for this pair</source>
        <translation>Пусто: для этой пары используется системный промпт проекта</translation>
    </message>
    <message>
        <source>Topics</source>
        <translation>Темы</translation>
    </message>
    <message>
        <source>Quality</source>
        <translation>Качество</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>Заметки</translation>
    </message>
    <message>
        <source>System prompt</source>
        <translation>Системный промпт</translation>
    </message>
    <message>
        <source>Choose a pair in the table to read and edit it.</source>
        <translation>Выберите пару в таблице, чтобы прочитать и исправить её.</translation>
    </message>
    <message>
        <source>direct reply</source>
        <translation>прямой ответ</translation>
    </message>
    <message>
        <source>paired by time</source>
        <translation>связана по времени</translation>
    </message>
    <message>
        <source>channel comment</source>
        <translation>комментарий в канале</translation>
    </message>
    <message>
        <source>added by hand</source>
        <translation>добавлена вручную</translation>
    </message>
    <message>
        <source>from the test chat</source>
        <translation>из тест-чата</translation>
    </message>
    <message>
        <source>Pair #{id}</source>
        <translation>Пара №{id}</translation>
    </message>
    <message>
        <source>edited</source>
        <translation>исправлена</translation>
    </message>
    <message>
        <source>This message has no Telegram link</source>
        <translation>У этого сообщения нет ссылки в Telegram</translation>
    </message>
    <message>
        <source>not rated</source>
        <translation>без оценки</translation>
    </message>
    <message>
        <source>Split into two pairs here</source>
        <translation>Разделить здесь на две пары</translation>
    </message>
    <message>
        <source>No text (a photo, voice message or file). Describe what it shows and the pair can be trained on; left empty, it stays out of training files.</source>
        <translation>Нет текста (фото, голосовое или файл). Опишите, что на нём, — и пара пойдёт в обучение; пустая в файлы для обучения не попадёт.</translation>
    </message>
    <message>
        <source>Answer</source>
        <translation>Ответ</translation>
    </message>
    <message>
        <source>Question</source>
        <translation>Вопрос</translation>
    </message>
    <message>
        <source>Context</source>
        <translation>Контекст</translation>
    </message>
    <message>
        <source>persona</source>
        <translation>персона</translation>
    </message>
    <message>
        <source>member</source>
        <translation>участник</translation>
    </message>
    <message>
        <source>Join with the next message</source>
        <translation>Объединить со следующим сообщением</translation>
    </message>
    <message>
        <source>The original messages are not in this project (a pair added by hand, or its chat was removed).</source>
        <translation>Исходных сообщений в проекте нет (пара добавлена вручную или её чат удалён).</translation>
    </message>
</context>
<context>
    <name>PairFilterBar</name>
    <message>
        <source>Any status</source>
        <translation>Любой статус</translation>
    </message>
    <message>
        <source>New</source>
        <translation>Новая</translation>
    </message>
    <message>
        <source>Approved</source>
        <translation>Одобрена</translation>
    </message>
    <message>
        <source>Rejected</source>
        <translation>Отклонена</translation>
    </message>
    <message>
        <source>Needs work</source>
        <translation>Доработать</translation>
    </message>
    <message>
        <source>Not yet decided</source>
        <translation>Ещё не решено</translation>
    </message>
    <message>
        <source>Any pairing</source>
        <translation>Любая связь</translation>
    </message>
    <message>
        <source>Direct replies</source>
        <translation>Прямые ответы</translation>
    </message>
    <message>
        <source>Paired by time</source>
        <translation>Связаны по времени</translation>
    </message>
    <message>
        <source>Channel comments</source>
        <translation>Комментарии в канале</translation>
    </message>
    <message>
        <source>Added by hand</source>
        <translation>Добавлены вручную</translation>
    </message>
    <message>
        <source>Edited or not</source>
        <translation>Исправленные и нет</translation>
    </message>
    <message>
        <source>Edited</source>
        <translation>Исправлена</translation>
    </message>
    <message>
        <source>Not edited</source>
        <translation>Не исправлены</translation>
    </message>
    <message>
        <source>Lowest quality shown</source>
        <translation>Наименьшее показываемое качество</translation>
    </message>
    <message>
        <source>Highest quality shown</source>
        <translation>Наибольшее показываемое качество</translation>
    </message>
    <message>
        <source>Search questions and answers…</source>
        <translation>Поиск по вопросам и ответам…</translation>
    </message>
    <message>
        <source>Regular expression</source>
        <translation>Регулярное выражение</translation>
    </message>
    <message>
        <source>Deleted pairs</source>
        <translation>Удалённые пары</translation>
    </message>
    <message>
        <source>Show the deleted pairs, to restore them</source>
        <translation>Показать удалённые пары, чтобы восстановить их</translation>
    </message>
    <message>
        <source>Clear filters</source>
        <translation>Сбросить фильтры</translation>
    </message>
    <message>
        <source>Quality</source>
        <translation>Качество</translation>
    </message>
    <message>
        <source>All chats</source>
        <translation>Все чаты</translation>
    </message>
    <message>
        <source>Any topic</source>
        <translation>Любая тема</translation>
    </message>
    <message numerus="yes">
        <source>Showing the %n pair(s) you were sent here for. “Clear filters” shows all pairs again.</source>
        <translation>
            <numerusform>Показана %n пара, к которой вас отправили. «Сбросить фильтры» покажет все пары.</numerusform>
            <numerusform>Показаны %n пары, к которым вас отправили. «Сбросить фильтры» покажет все пары.</numerusform>
            <numerusform>Показаны %n пар, к которым вас отправили. «Сбросить фильтры» покажет все пары.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n pairs</source>
        <translation>
            <numerusform>%n пара</numerusform>
            <numerusform>%n пары</numerusform>
            <numerusform>%n пар</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n pairs match</source>
        <translation>
            <numerusform>подходит %n пара</numerusform>
            <numerusform>подходят %n пары</numerusform>
            <numerusform>подходит %n пар</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>of %n</source>
        <translation>
            <numerusform>из %n</numerusform>
            <numerusform>из %n</numerusform>
            <numerusform>из %n</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>PairTableModel</name>
    <message>
        <source>Status</source>
        <translation>Статус</translation>
    </message>
    <message>
        <source>Chat</source>
        <translation>Чат</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Дата</translation>
    </message>
    <message>
        <source>Topics</source>
        <translation>Темы</translation>
    </message>
    <message>
        <source>Quality</source>
        <translation>Качество</translation>
    </message>
    <message>
        <source>Question</source>
        <translation>Вопрос</translation>
    </message>
    <message>
        <source>Answer</source>
        <translation>Ответ</translation>
    </message>
    <message>
        <source>Edited</source>
        <translation>Исправлена</translation>
    </message>
    <message>
        <source>New</source>
        <translation>Новая</translation>
    </message>
    <message>
        <source>Approved</source>
        <translation>Одобрена</translation>
    </message>
    <message>
        <source>Rejected</source>
        <translation>Отклонена</translation>
    </message>
    <message>
        <source>Needs work</source>
        <translation>Доработать</translation>
    </message>
    <message>
        <source>How likely each pair is a question and its answer worth keeping. Sort by it to see the likeliest first; once you have approved and rejected enough pairs, Learn from my decisions makes it say how likely you are to approve each pair.</source>
        <translation>Насколько вероятно, что пара — это вопрос и ответ на него, которые стоит оставить. Отсортируйте по этому столбцу, чтобы увидеть самые вероятные первыми; когда вы одобрите и отклоните достаточно пар, «Учесть мои решения» научит оценку говорить, насколько вероятно, что вы одобрите пару.</translation>
    </message>
    <message>
        <source>Not rated</source>
        <translation>Без оценки</translation>
    </message>
    <message>
        <source>How likely this is a question and its answer worth keeping: {score}</source>
        <translation>Вероятность, что это вопрос и ответ, которые стоит оставить: {score}</translation>
    </message>
</context>
<context>
    <name>PairsShortcuts</name>
    <message>
        <source>Approve the pair</source>
        <translation>Одобрить пару</translation>
    </message>
    <message>
        <source>Reject the pair</source>
        <translation>Отклонить пару</translation>
    </message>
    <message>
        <source>Mark the pair as needing work</source>
        <translation>Отметить, что пару нужно доработать</translation>
    </message>
    <message>
        <source>Put the pair back to “new”</source>
        <translation>Вернуть паре статус «новая»</translation>
    </message>
    <message>
        <source>Next pair</source>
        <translation>Следующая пара</translation>
    </message>
    <message>
        <source>Previous pair</source>
        <translation>Предыдущая пара</translation>
    </message>
    <message>
        <source>Edit the answer</source>
        <translation>Править ответ</translation>
    </message>
    <message>
        <source>Back to the table (from an editor)</source>
        <translation>Вернуться к таблице (из редактора)</translation>
    </message>
    <message>
        <source>Search</source>
        <translation>Поиск</translation>
    </message>
    <message>
        <source>Undo</source>
        <translation>Отменить</translation>
    </message>
    <message>
        <source>Redo</source>
        <translation>Повторить</translation>
    </message>
    <message>
        <source>Add a topic to the selected pairs</source>
        <translation>Добавить тему выбранным парам</translation>
    </message>
    <message>
        <source>Delete the selected pairs (restorable)</source>
        <translation>Удалить выбранные пары (можно восстановить)</translation>
    </message>
    <message>
        <source>Find and replace in answers</source>
        <translation>Найти и заменить в ответах</translation>
    </message>
    <message>
        <source>Add a pair by hand</source>
        <translation>Добавить пару вручную</translation>
    </message>
</context>
<context>
    <name>PairsTab</name>
    <message>
        <source>Go to Sources</source>
        <translation>Перейти к источникам</translation>
    </message>
    <message>
        <source>Add a pair by hand</source>
        <translation>Добавить пару вручную</translation>
    </message>
    <message>
        <source>Approve</source>
        <translation>Одобрить</translation>
    </message>
    <message>
        <source>Reject</source>
        <translation>Отклонить</translation>
    </message>
    <message>
        <source>Needs work</source>
        <translation>Доработать</translation>
    </message>
    <message>
        <source>Back to new</source>
        <translation>Снова новая</translation>
    </message>
    <message>
        <source>Next</source>
        <translation>Следующая</translation>
    </message>
    <message>
        <source>Previous</source>
        <translation>Предыдущая</translation>
    </message>
    <message>
        <source>Edit the answer</source>
        <translation>Править ответ</translation>
    </message>
    <message>
        <source>Back to the table</source>
        <translation>Вернуться к таблице</translation>
    </message>
    <message>
        <source>Search</source>
        <translation>Поиск</translation>
    </message>
    <message>
        <source>Undo</source>
        <translation>Отменить</translation>
    </message>
    <message>
        <source>Redo</source>
        <translation>Повторить</translation>
    </message>
    <message>
        <source>Add topic…</source>
        <translation>Добавить тему…</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Удалить</translation>
    </message>
    <message>
        <source>Find and replace…</source>
        <translation>Найти и заменить…</translation>
    </message>
    <message>
        <source>Add pair…</source>
        <translation>Добавить пару…</translation>
    </message>
    <message>
        <source>Duplicates…</source>
        <translation>Повторы…</translation>
    </message>
    <message>
        <source>Shortcuts</source>
        <translation>Клавиши</translation>
    </message>
    <message>
        <source>Type at least two letters to search.</source>
        <translation>Для поиска введите хотя бы две буквы.</translation>
    </message>
    <message>
        <source>Preparing search: {percent}%</source>
        <translation>Подготовка поиска: {percent}%</translation>
    </message>
    <message>
        <source>Searching: {percent}%</source>
        <translation>Поиск: {percent}%</translation>
    </message>
    <message>
        <source>Nothing was undone</source>
        <translation>Ничего не отменено</translation>
    </message>
    <message>
        <source>Undone: {change}</source>
        <translation>Отменено: {change}</translation>
    </message>
    <message>
        <source>Nothing was redone</source>
        <translation>Ничего не повторено</translation>
    </message>
    <message>
        <source>Redone: {change}</source>
        <translation>Повторено: {change}</translation>
    </message>
    <message>
        <source>No project is open</source>
        <translation>Проект не открыт</translation>
    </message>
    <message>
        <source>Open or create a project from the File menu; its question-and-answer pairs appear here.</source>
        <translation>Откройте или создайте проект в меню «Файл» — его пары «вопрос-ответ» появятся здесь.</translation>
    </message>
    <message>
        <source>No pairs yet</source>
        <translation>Пар пока нет</translation>
    </message>
    <message>
        <source>Import chats on the Sources tab and pairs are found there, or write a pair by hand.</source>
        <translation>Загрузите чаты на вкладке «Источники» — пары найдутся там, или напишите пару вручную.</translation>
    </message>
    <message>
        <source>The change was not made</source>
        <translation>Изменение не сделано</translation>
    </message>
    <message>
        <source>Edit text</source>
        <translation>Правка текста</translation>
    </message>
    <message>
        <source>Edit notes</source>
        <translation>Правка заметок</translation>
    </message>
    <message>
        <source>Edit system prompt</source>
        <translation>Правка системного промпта</translation>
    </message>
    <message>
        <source>Revert to original</source>
        <translation>Вернуть исходный текст</translation>
    </message>
    <message>
        <source>The messages were not joined</source>
        <translation>Сообщения не объединены</translation>
    </message>
    <message>
        <source>Join messages</source>
        <translation>Объединить сообщения</translation>
    </message>
    <message>
        <source>Add a topic</source>
        <translation>Добавить тему</translation>
    </message>
    <message numerus="yes">
        <source>Topic for %n selected pairs:</source>
        <translation>
            <numerusform>Тема для %n выбранной пары:</numerusform>
            <numerusform>Тема для %n выбранных пар:</numerusform>
            <numerusform>Тема для %n выбранных пар:</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n pairs restored</source>
        <translation>
            <numerusform>Восстановлена %n пара</numerusform>
            <numerusform>Восстановлены %n пары</numerusform>
            <numerusform>Восстановлено %n пар</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n pairs deleted; Undo brings them back</source>
        <translation>
            <numerusform>Удалена %n пара; «Отменить» вернёт её</numerusform>
            <numerusform>Удалены %n пары; «Отменить» вернёт их</numerusform>
            <numerusform>Удалено %n пар; «Отменить» вернёт их</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Replace in %n pairs</source>
        <translation>
            <numerusform>Замена в %n паре</numerusform>
            <numerusform>Замена в %n парах</numerusform>
            <numerusform>Замена в %n парах</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>PairsUndo</name>
    <message numerus="yes">
        <source>Mark %n pairs as {status}</source>
        <translation>
            <numerusform>Статус «{status}» для %n пары</numerusform>
            <numerusform>Статус «{status}» для %n пар</numerusform>
            <numerusform>Статус «{status}» для %n пар</numerusform>
        </translation>
    </message>
    <message>
        <source>Mark as {status}</source>
        <translation>Статус «{status}»</translation>
    </message>
    <message>
        <source>Add topic “{name}”</source>
        <translation>Добавить тему «{name}»</translation>
    </message>
    <message>
        <source>Remove topic “{name}”</source>
        <translation>Убрать тему «{name}»</translation>
    </message>
    <message>
        <source>Change topics</source>
        <translation>Изменить темы</translation>
    </message>
    <message numerus="yes">
        <source>Delete %n pairs</source>
        <translation>
            <numerusform>Удалить %n пару</numerusform>
            <numerusform>Удалить %n пары</numerusform>
            <numerusform>Удалить %n пар</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Restore %n pairs</source>
        <translation>
            <numerusform>Вернуть %n пару</numerusform>
            <numerusform>Вернуть %n пары</numerusform>
            <numerusform>Вернуть %n пар</numerusform>
        </translation>
    </message>
    <message>
        <source>Split pair</source>
        <translation>Разделить пару</translation>
    </message>
    <message numerus="yes">
        <source>Merge %n duplicate groups</source>
        <translation>
            <numerusform>Объединить %n группу повторов</numerusform>
            <numerusform>Объединить %n группы повторов</numerusform>
            <numerusform>Объединить %n групп повторов</numerusform>
        </translation>
    </message>
    <message>
        <source>Add pair</source>
        <translation>Добавить пару</translation>
    </message>
</context>
<context>
    <name>QualityReason</name>
    <message>
        <source>The member did not ask anything</source>
        <translation>Участник ничего не спросил</translation>
    </message>
    <message>
        <source>The member thanked, greeted, reported or shared something</source>
        <translation>Участник поблагодарил, поздоровался, отчитался или чем-то поделился</translation>
    </message>
    <message>
        <source>The answer is a thank-you, praise or a greeting</source>
        <translation>Ответ — благодарность, похвала или приветствие</translation>
    </message>
    <message>
        <source>The answer puts the question off, sends it elsewhere or asks back</source>
        <translation>Ответ откладывает вопрос, отправляет его в другое место или переспрашивает</translation>
    </message>
    <message>
        <source>The answer is moderation, not an answer</source>
        <translation>Это модерация, а не ответ</translation>
    </message>
    <message>
        <source>The answer does not address the question</source>
        <translation>Ответ не про заданный вопрос</translation>
    </message>
    <message>
        <source>The answer gives no advice or explanation</source>
        <translation>В ответе нет ни совета, ни объяснения</translation>
    </message>
    <message>
        <source>A photo, voice message or file without text</source>
        <translation>Фото, голосовое или файл без текста</translation>
    </message>
    <message>
        <source>The answer is only emoji</source>
        <translation>В ответе только эмодзи</translation>
    </message>
    <message>
        <source>The answer is only a greeting or thanks</source>
        <translation>Ответ — только приветствие или благодарность</translation>
    </message>
    <message>
        <source>The answer is only a link</source>
        <translation>В ответе только ссылка</translation>
    </message>
    <message>
        <source>Looks like advertising</source>
        <translation>Похоже на рекламу</translation>
    </message>
    <message>
        <source>The answer is very short</source>
        <translation>Очень короткий ответ</translation>
    </message>
    <message>
        <source>The question is very short</source>
        <translation>Очень короткий вопрос</translation>
    </message>
    <message>
        <source>The answer is very long</source>
        <translation>Очень длинный ответ</translation>
    </message>
    <message>
        <source>The question and answer are in different languages</source>
        <translation>Вопрос и ответ на разных языках</translation>
    </message>
    <message>
        <source>The same question appears elsewhere</source>
        <translation>Такой же вопрос уже встречается</translation>
    </message>
    <message>
        <source>A very similar question appears earlier</source>
        <translation>Очень похожий вопрос уже был раньше</translation>
    </message>
    <message>
        <source>Paired by time, not by a reply</source>
        <translation>Пара найдена по времени, а не по ответу на сообщение</translation>
    </message>
    <message>
        <source>The answer refers to a photo or a file</source>
        <translation>Ответ ссылается на фото или файл</translation>
    </message>
    <message>
        <source>The answer is a forwarded message</source>
        <translation>Ответ — пересланное сообщение</translation>
    </message>
    <message>
        <source>Contains personal data</source>
        <translation>Содержит личные данные</translation>
    </message>
    <message>
        <source>The answer was joined from several messages</source>
        <translation>Ответ собран из нескольких сообщений</translation>
    </message>
    <message>
        <source>The message was edited after sending</source>
        <translation>Сообщение изменили после отправки</translation>
    </message>
</context>
<context>
    <name>ReplaceDialog</name>
    <message>
        <source>Find and replace</source>
        <translation>Найти и заменить</translation>
    </message>
    <message>
        <source>Regular expression</source>
        <translation>Регулярное выражение</translation>
    </message>
    <message>
        <source>Match case</source>
        <translation>Учитывать регистр</translation>
    </message>
    <message>
        <source>Answers</source>
        <translation>В ответах</translation>
    </message>
    <message>
        <source>Questions</source>
        <translation>В вопросах</translation>
    </message>
    <message>
        <source>All turns</source>
        <translation>Во всех репликах</translation>
    </message>
    <message numerus="yes">
        <source>Pairs shown in the table (%n)</source>
        <translation>
            <numerusform>Пары в таблице (%n)</numerusform>
            <numerusform>Пары в таблице (%n)</numerusform>
            <numerusform>Пары в таблице (%n)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Selected pairs (%n)</source>
        <translation>
            <numerusform>Выбранные пары (%n)</numerusform>
            <numerusform>Выбранные пары (%n)</numerusform>
            <numerusform>Выбранные пары (%n)</numerusform>
        </translation>
    </message>
    <message>
        <source>Preview</source>
        <translation>Просмотр</translation>
    </message>
    <message>
        <source>Pair</source>
        <translation>Пара</translation>
    </message>
    <message>
        <source>Before</source>
        <translation>Было</translation>
    </message>
    <message>
        <source>After</source>
        <translation>Станет</translation>
    </message>
    <message>
        <source>Replace all shown</source>
        <translation>Заменить всё показанное</translation>
    </message>
    <message>
        <source>Find</source>
        <translation>Найти</translation>
    </message>
    <message>
        <source>Replace with</source>
        <translation>Заменить на</translation>
    </message>
    <message>
        <source>In</source>
        <translation>Где</translation>
    </message>
    <message numerus="yes">
        <source>Looking through %n pairs…</source>
        <translation>
            <numerusform>Просматриваем %n пару…</numerusform>
            <numerusform>Просматриваем %n пары…</numerusform>
            <numerusform>Просматриваем %n пар…</numerusform>
        </translation>
    </message>
    <message>
        <source>Preview of find and replace</source>
        <translation>Предпросмотр замены</translation>
    </message>
    <message numerus="yes">
        <source>%n pairs will change</source>
        <translation>
            <numerusform>изменится %n пара</numerusform>
            <numerusform>изменятся %n пары</numerusform>
            <numerusform>изменится %n пар</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n replacements</source>
        <translation>
            <numerusform>%n замена</numerusform>
            <numerusform>%n замены</numerusform>
            <numerusform>%n замен</numerusform>
        </translation>
    </message>
    <message>
        <source>the first 2,000 pairs are listed</source>
        <translation>показаны первые 2 000 пар</translation>
    </message>
    <message>
        <source>Nothing matches.</source>
        <translation>Совпадений нет.</translation>
    </message>
</context>
<context>
    <name>ShortcutsDialog</name>
    <message>
        <source>Keyboard shortcuts</source>
        <translation>Сочетания клавиш</translation>
    </message>
    <message>
        <source>On the Pairs tab you can review without the mouse. Single letters work while the table has the focus; the combinations with Ctrl or Alt work everywhere on the tab.</source>
        <translation>На вкладке «Пары» можно проверять без мыши. Одиночные буквы работают, когда выбрана таблица; сочетания с Ctrl или Alt — везде на вкладке.</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>Действие</translation>
    </message>
    <message>
        <source>Keys</source>
        <translation>Клавиши</translation>
    </message>
</context>
<context>
    <name>TaskProgress</name>
    <message>
        <source>Stop</source>
        <translation>Остановить</translation>
    </message>
</context>
<context>
    <name>TopicChips</name>
    <message>
        <source>Add a topic…</source>
        <translation>Добавить тему…</translation>
    </message>
    <message>
        <source>Remove the topic “{name}”</source>
        <translation>Убрать тему «{name}»</translation>
    </message>
</context>
</TS>