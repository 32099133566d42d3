<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="ru">
<context>
    <name>Cli</name>
    <message>
        <source>"{value}" is not a Telegram id.</source>
        <translation>«{value}» — это не идентификатор Telegram.</translation>
    </message>
    <message>
        <source>Write it as the export does (user123, channel123) or as a number.</source>
        <translation>Укажите его так, как в экспорте (user123, channel123), или числом.</translation>
    </message>
    <message>
        <source>Persona</source>
        <translation>Персона</translation>
    </message>
    <message>
        <source>Created project {path}.</source>
        <translation>Создан проект {path}.</translation>
    </message>
    <message>
        <source>{file}: {chat}: {added} new of {seen} messages</source>
        <translation>{file}: {chat}: новых сообщений — {added} из {seen}</translation>
    </message>
    <message>
        <source>No persona chosen yet: give --persona-id or --persona-name to extract pairs.</source>
        <translation>Персона ещё не выбрана: укажите --persona-id или --persona-name, чтобы найти пары.</translation>
    </message>
    <message>
        <source>give a number of seconds, at least 10 (3600 is an hour)</source>
        <translation>укажите число секунд, не меньше 10 (3600 — это час)</translation>
    </message>
    <message>
        <source>{file}: not imported.</source>
        <translation>{file}: не импортирован.</translation>
    </message>
    <message numerus="yes">
        <source>Imported %n new messages</source>
        <translation>
            <numerusform>Импортировано %n новое сообщение</numerusform>
            <numerusform>Импортировано %n новых сообщения</numerusform>
            <numerusform>Импортировано %n новых сообщений</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source> from %n files</source>
        <translation>
            <numerusform> из %n файла</numerusform>
            <numerusform> из %n файлов</numerusform>
            <numerusform> из %n файлов</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source> (%n chats).</source>
        <translation>
            <numerusform> (%n чат).</numerusform>
            <numerusform> (%n чата).</numerusform>
            <numerusform> (%n чатов).</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n pairs ({replies} from replies, {implicit} by proximity); {new} new, {stale} no longer found but kept.</source>
        <translation>
            <numerusform>%n пара ({replies} из ответов, {implicit} по соседству); новых: {new}, больше не найдено, но сохранено: {stale}.</numerusform>
            <numerusform>%n пары ({replies} из ответов, {implicit} по соседству); новых: {new}, больше не найдено, но сохранено: {stale}.</numerusform>
            <numerusform>%n пар ({replies} из ответов, {implicit} по соседству); новых: {new}, больше не найдено, но сохранено: {stale}.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Skipped %n messages without an id.</source>
        <translation>
            <numerusform>Пропущено %n сообщение без номера (id).</numerusform>
            <numerusform>Пропущено %n сообщения без номера (id).</numerusform>
            <numerusform>Пропущено %n сообщений без номера (id).</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Skipped %n non-message elements.</source>
        <translation>
            <numerusform>Пропущен %n элемент, который не является сообщением.</numerusform>
            <numerusform>Пропущено %n элемента, которые не являются сообщениями.</numerusform>
            <numerusform>Пропущено %n элементов, которые не являются сообщениями.</numerusform>
        </translation>
    </message>
    <message>
        <source>Did you mean: {names}?</source>
        <translation>Возможно, вы имели в виду: {names}?</translation>
    </message>
    <message>
        <source>List the senders with: natasha-studio participants {project}</source>
        <translation>Список участников покажет команда: natasha-studio participants {project}</translation>
    </message>
    <message>
        <source>Nobody in the chats is named “{name}”.</source>
        <translation>В чатах нет никого с именем «{name}».</translation>
    </message>
    <message>
        <source>No messages imported yet.</source>
        <translation>Сообщения ещё не импортированы.</translation>
    </message>
    <message numerus="yes">
        <source>{id}  {name}{mark}: %n messages</source>
        <translation>
            <numerusform>{id}  {name}{mark}: %n сообщение</numerusform>
            <numerusform>{id}  {name}{mark}: %n сообщения</numerusform>
            <numerusform>{id}  {name}{mark}: %n сообщений</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>, %n replies</source>
        <translation>
            <numerusform>, %n ответ</numerusform>
            <numerusform>, %n ответа</numerusform>
            <numerusform>, %n ответов</numerusform>
        </translation>
    </message>
    <message>
        <source>* the persona</source>
        <translation>* персона</translation>
    </message>
    <message>
        <source>Messages: {n}</source>
        <translation>Сообщений: {n}</translation>
    </message>
    <message>
        <source>Chats: {n}</source>
        <translation>Чатов: {n}</translation>
    </message>
    <message>
        <source>Participants: {n}</source>
        <translation>Участников: {n}</translation>
    </message>
    <message>
        <source>Pairs: {n}</source>
        <translation>Пар: {n}</translation>
    </message>
    <message>
        <source>Average answer length: {n} characters</source>
        <translation>Средняя длина ответа: {n} символов</translation>
    </message>
    <message>
        <source>Pairs by chat:</source>
        <translation>Пары по чатам:</translation>
    </message>
    <message>
        <source>Topics:</source>
        <translation>Темы:</translation>
    </message>
</context>
<context>
    <name>Demo</name>
    <message>
        <source>You are Natasha, the host of a community about meditation, energy and relationships. You answer members warmly, simply and to the point.</source>
        <translation>Ты — Наташа, ведущая сообщества о медитации, энергии и отношениях. Ты отвечаешь участникам тепло, просто и по делу.</translation>
    </message>
    <message>
        <source>The demo project could not be created: {reason}</source>
        <translation>Не удалось создать демо-проект: {reason}</translation>
    </message>
</context>
<context>
    <name>Extraction</name>
    <message>
        <source>Pair scoring stopped unexpectedly.</source>
        <translation>Оценка пар неожиданно прервалась.</translation>
    </message>
    <message>
        <source>Finding pairs stopped unexpectedly.</source>
        <translation>Поиск пар неожиданно прервался.</translation>
    </message>
    <message>
        <source>Nothing was changed. Run the extraction again.</source>
        <translation>Ничего не изменилось. Запустите извлечение ещё раз.</translation>
    </message>
</context>
<context>
    <name>ExtractionPanel</name>
    <message>
        <source>Pairs</source>
        <translation>Пары</translation>
    </message>
    <message>
        <source>How many earlier messages of a reply thread come with a pair.</source>
        <translation>Сколько предыдущих сообщений ветки ответов попадает в пару.</translation>
    </message>
    <message>
        <source> s</source>
        <translation> с</translation>
    </message>
    <message>
        <source>Messages of one person this close together make one turn.</source>
        <translation>Сообщения одного человека, написанные с таким промежутком, объединяются в одну реплику.</translation>
    </message>
    <message>
        <source>Also pair answers written without "Reply"</source>
        <translation>Искать и ответы, написанные без кнопки «Ответить»</translation>
    </message>
    <message>
        <source>Such an answer must follow the member's message within this time.</source>
        <translation>Такой ответ должен появиться не позже этого времени после сообщения участника.</translation>
    </message>
    <message>
        <source>Thread messages kept as context:</source>
        <translation>Сообщений ветки в контексте:</translation>
    </message>
    <message>
        <source>Join one person's messages within:</source>
        <translation>Объединять сообщения одного человека в пределах:</translation>
    </message>
    <message>
        <source>Answer must follow within:</source>
        <translation>Ответ должен прийти в пределах:</translation>
    </message>
    <message>
        <source>Extract pairs again</source>
        <translation>Найти пары заново</translation>
    </message>
    <message>
        <source>Topics and keywords…</source>
        <translation>Темы и ключевые слова…</translation>
    </message>
    <message>
        <source>Extracting again keeps every edit, status and label you made.</source>
        <translation>При повторном поиске все ваши правки, статусы и метки сохраняются.</translation>
    </message>
    <message numerus="yes">
        <source>%n pair(s) (%1 from replies, %2 by proximity)</source>
        <translation>
            <numerusform>%n пара (%1 из ответов, %2 по соседству)</numerusform>
            <numerusform>%n пары (%1 из ответов, %2 по соседству)</numerusform>
            <numerusform>%n пар (%1 из ответов, %2 по соседству)</numerusform>
        </translation>
    </message>
    <message>
        <source>Import a chat first: pairs come from its messages.</source>
        <translation>Сначала импортируйте чат: пары берутся из его сообщений.</translation>
    </message>
    <message>
        <source>Tick the persona in the list to find her answers.</source>
        <translation>Отметьте персону в списке, чтобы найти её ответы.</translation>
    </message>
    <message numerus="yes">
        <source>Plus %n pair(s) written by hand or saved from the test chat.</source>
        <translation>
            <numerusform>И ещё %n пара, написанная вручную или сохранённая из тест-чата.</numerusform>
            <numerusform>И ещё %n пары, написанные вручную или сохранённые из тест-чата.</numerusform>
            <numerusform>И ещё %n пар, написанных вручную или сохранённых из тест-чата.</numerusform>
        </translation>
    </message>
    <message>
        <source>No pairs found. Why:</source>
        <translation>Пар не нашлось. Почему:</translation>
    </message>
</context>
<context>
    <name>Import</name>
    <message>
        <source>The folder {name} holds no Telegram export (result.json).</source>
        <translation>В папке {name} нет экспорта Telegram (result.json).</translation>
    </message>
    <message>
        <source>Choose the folder Telegram Desktop wrote, or its result.json.</source>
        <translation>Выберите папку, которую создал Telegram Desktop, или файл result.json в ней.</translation>
    </message>
    <message>
        <source>{name} could not be imported: it holds something this version cannot read ({reason}).</source>
        <translation>Не удалось импортировать {name}: в файле есть данные, которые эта версия не умеет читать ({reason}).</translation>
    </message>
    <message>
        <source>Nothing of this file was imported; the other files were. Export the chat again from Telegram Desktop, or send the file to the developers.</source>
        <translation>Из этого файла ничего не импортировано, остальные файлы импортированы. Экспортируйте чат из Telegram Desktop заново или отправьте файл разработчикам.</translation>
    </message>
    <message>
        <source>The file {name} cannot be read: {reason}</source>
        <translation>Не удаётся прочитать файл {name}: {reason}</translation>
    </message>
    <message>
        <source>Check that the file exists and that you may open it.</source>
        <translation>Проверьте, что файл существует и у вас есть доступ к нему.</translation>
    </message>
    <message>
        <source>Reading {name} failed: {reason}</source>
        <translation>Ошибка при чтении {name}: {reason}</translation>
    </message>
    <message>
        <source>{name} is damaged near line {line}: {what}</source>
        <translation>Файл {name} повреждён около строки {line}: {what}</translation>
    </message>
    <message>
        <source>Export the chat again from Telegram Desktop (format: JSON). Nothing was imported from this file.</source>
        <translation>Экспортируйте чат заново в Telegram Desktop (формат JSON). Из этого файла ничего не импортировано.</translation>
    </message>
    <message>
        <source>{name} ends in the middle of the messages (line {line}).</source>
        <translation>Файл {name} обрывается посреди сообщений (строка {line}).</translation>
    </message>
    <message>
        <source>The file was probably cut short while copying or downloading. Copy it again, or export the chat again. Nothing was imported from it.</source>
        <translation>Вероятно, файл не докопировался или не докачался. Скопируйте его ещё раз или экспортируйте чат заново. Из него ничего не импортировано.</translation>
    </message>
    <message>
        <source>{name} is not a Telegram export: it is not a JSON file.</source>
        <translation>{name} — не экспорт Telegram: это не JSON-файл.</translation>
    </message>
    <message>
        <source>{name} is not a Telegram export.</source>
        <translation>{name} — не экспорт Telegram.</translation>
    </message>
    <message>
        <source>In Telegram Desktop choose Export chat history, format "Machine-readable JSON", and pick the result.json it writes.</source>
        <translation>В Telegram Desktop выберите «Экспорт истории чата», формат «Машиночитаемый JSON», и укажите файл result.json, который он создаст.</translation>
    </message>
    <message>
        <source>{name} ends between two chats: the file was cut short.</source>
        <translation>Файл {name} обрывается между двумя чатами: он записан не полностью.</translation>
    </message>
    <message>
        <source>Copy the file again, or export the chats again. Nothing was imported from it.</source>
        <translation>Скопируйте файл ещё раз или экспортируйте чаты заново. Из него ничего не импортировано.</translation>
    </message>
    <message>
        <source>{name} has no messages: it is not a Telegram chat export.</source>
        <translation>В {name} нет сообщений: это не экспорт чата Telegram.</translation>
    </message>
    <message>
        <source>a message is not followed by a comma</source>
        <translation>после сообщения нет запятой</translation>
    </message>
</context>
<context>
    <name>LexiconDialog</name>
    <message>
        <source>Topics and keywords</source>
        <translation>Темы и ключевые слова</translation>
    </message>
    <message>
        <source>Topic name</source>
        <translation>Название темы</translation>
    </message>
    <message>
        <source>One keyword or phrase per line, in any form: "медитация" also finds "медитации".</source>
        <translation>По одному слову или фразе в строке, в любой форме: «медитация» найдёт и «медитации».</translation>
    </message>
    <message>
        <source>A pair gets a topic when its question or answer contains one of the topic's words. Words match in every form, so one entry is enough.</source>
        <translation>Пара получает тему, если в вопросе или ответе встречается одно из слов темы. Слова узнаются в любой форме, так что достаточно одной записи.</translation>
    </message>
    <message>
        <source>New topic</source>
        <translation>Новая тема</translation>
    </message>
    <message>
        <source>Save topic</source>
        <translation>Сохранить тему</translation>
    </message>
    <message>
        <source>Delete topic</source>
        <translation>Удалить тему</translation>
    </message>
    <message>
        <source>The topic was not saved</source>
        <translation>Тема не сохранена</translation>
    </message>
    <message>
        <source>Delete the topic "%1"? Pairs lose this label.</source>
        <translation>Удалить тему «%1»? Пары потеряют эту метку.</translation>
    </message>
</context>
<context>
    <name>PersonaPicker</name>
    <message>
        <source>Who is the persona?</source>
        <translation>Кто персона?</translation>
    </message>
    <message>
        <source>Tick every account the persona writes from, and her channel if its posts are hers. Names are only labels: people are told apart by id.</source>
        <translation>Отметьте все аккаунты, с которых пишет персона, и её канал, если посты в нём — её. Имена — лишь подписи: людей различают по идентификатору.</translation>
    </message>
    <message>
        <source>Search by name or id</source>
        <translation>Поиск по имени или идентификатору</translation>
    </message>
    <message>
        <source>Persona / name</source>
        <translation>Персона / имя</translation>
    </message>
    <message>
        <source>Id</source>
        <translation>Идентификатор</translation>
    </message>
    <message>
        <source>Messages</source>
        <translation>Сообщения</translation>
    </message>
    <message>
        <source>Replies</source>
        <translation>Ответы</translation>
    </message>
    <message>
        <source>Chats</source>
        <translation>Чаты</translation>
    </message>
    <message>
        <source>(no name)</source>
        <translation>(без имени)</translation>
    </message>
    <message numerus="yes">
        <source>A channel: its posts count as the persona's when ticked (%n signed post(s)).</source>
        <translation>
            <numerusform>Канал: если отметить, его посты считаются постами персоны (%n подписанный пост).</numerusform>
            <numerusform>Канал: если отметить, его посты считаются постами персоны (%n подписанных поста).</numerusform>
            <numerusform>Канал: если отметить, его посты считаются постами персоны (%n подписанных постов).</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SourcesTab</name>
    <message>
        <source>No project open</source>
        <translation>Проект не открыт</translation>
    </message>
    <message>
        <source>Create or open a project, or open the demo project, to bring in Telegram conversations.</source>
        <translation>Создайте или откройте проект либо откройте демо-проект, чтобы добавить переписки из Telegram.</translation>
    </message>
    <message>
        <source>Export files</source>
        <translation>Файлы экспорта</translation>
    </message>
    <message>
        <source>Telegram account</source>
        <translation>Аккаунт Telegram</translation>
    </message>
    <message>
        <source>Looking into the pair count</source>
        <translation>Разбираемся, почему пар столько</translation>
    </message>
    <message>
        <source>Importing %1</source>
        <translation>Импорт: %1</translation>
    </message>
    <message>
        <source>Finding pairs in %1</source>
        <translation>Поиск пар: %1</translation>
    </message>
    <message>
        <source>Tagging topics</source>
        <translation>Расстановка тем</translation>
    </message>
    <message>
        <source>Choose Telegram export files</source>
        <translation>Выберите файлы экспорта Telegram</translation>
    </message>
    <message>
        <source>Telegram export (*.json);;All files (*)</source>
        <translation>Экспорт Telegram (*.json);;Все файлы (*)</translation>
    </message>
    <message>
        <source>Choose an export folder</source>
        <translation>Выберите папку экспорта</translation>
    </message>
    <message>
        <source>Importing Telegram exports</source>
        <translation>Импорт экспорта Telegram</translation>
    </message>
    <message numerus="yes">
        <source>Imported %n new message(s).</source>
        <translation>
            <numerusform>Импортировано %n новое сообщение.</numerusform>
            <numerusform>Импортировано %n новых сообщения.</numerusform>
            <numerusform>Импортировано %n новых сообщений.</numerusform>
        </translation>
    </message>
    <message>
        <source>Some files were not imported</source>
        <translation>Некоторые файлы не импортированы</translation>
    </message>
    <message>
        <source>Some messages were skipped</source>
        <translation>Некоторые сообщения пропущены</translation>
    </message>
    <message numerus="yes">
        <source>%1: skipped %n messages without an id.</source>
        <translation>
            <numerusform>%1: пропущено %n сообщение без номера (id).</numerusform>
            <numerusform>%1: пропущено %n сообщения без номера (id).</numerusform>
            <numerusform>%1: пропущено %n сообщений без номера (id).</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1: skipped %n non-message elements.</source>
        <translation>
            <numerusform>%1: пропущен %n элемент, который не является сообщением.</numerusform>
            <numerusform>%1: пропущено %n элемента, которые не являются сообщениями.</numerusform>
            <numerusform>%1: пропущено %n элементов, которые не являются сообщениями.</numerusform>
        </translation>
    </message>
    <message>
        <source>Finding pairs</source>
        <translation>Поиск пар</translation>
    </message>
    <message numerus="yes">
        <source>%n pair(s) found</source>
        <translation>
            <numerusform>Найдена %n пара</numerusform>
            <numerusform>Найдено %n пары</numerusform>
            <numerusform>Найдено %n пар</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>; %n no longer found but kept for your edits</source>
        <translation>
            <numerusform>; %n больше не находится, но сохранена ради ваших правок</numerusform>
            <numerusform>; %n больше не находятся, но сохранены ради ваших правок</numerusform>
            <numerusform>; %n больше не находятся, но сохранены ради ваших правок</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Topics</name>
    <message>
        <source>Questions</source>
        <translation>Вопросы</translation>
    </message>
    <message>
        <source>Energy work</source>
        <translation>Работа с энергией</translation>
    </message>
    <message>
        <source>Personal transformation</source>
        <translation>Личная трансформация</translation>
    </message>
    <message>
        <source>Relationships</source>
        <translation>Отношения</translation>
    </message>
    <message>
        <source>Rituals and meditations</source>
        <translation>Ритуалы и медитации</translation>
    </message>
    <message>
        <source>Business</source>
        <translation>Бизнес</translation>
    </message>
    <message>
        <source>Spiritual growth</source>
        <translation>Духовный рост</translation>
    </message>
    <message>
        <source>Past lives</source>
        <translation>Прошлые жизни</translation>
    </message>
    <message>
        <source>A topic needs a name.</source>
        <translation>У темы должно быть название.</translation>
    </message>
    <message>
        <source>A topic named "{name}" already exists.</source>
        <translation>Тема «{name}» уже есть.</translation>
    </message>
</context>
<context>
    <name>Why</name>
    <message>
        <source>No pairs found. Why:</source>
        <translation>Пар не нашлось. Почему:</translation>
    </message>
    <message>
        <source>Why so few pairs:</source>
        <translation>Почему пар так мало:</translation>
    </message>
    <message>
        <source>A wider answer window would find more pairs:</source>
        <translation>Более широкое окно ответа найдёт больше пар:</translation>
    </message>
    <message numerus="yes">
        <source>%n day(s)</source>
        <translation>
            <numerusform>%n день</numerusform>
            <numerusform>%n дня</numerusform>
            <numerusform>%n дней</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n hour(s)</source>
        <translation>
            <numerusform>%n час</numerusform>
            <numerusform>%n часа</numerusform>
            <numerusform>%n часов</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n minute(s)</source>
        <translation>
            <numerusform>%n минуту</numerusform>
            <numerusform>%n минуты</numerusform>
            <numerusform>%n минут</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n second(s)</source>
        <translation>
            <numerusform>%n секунду</numerusform>
            <numerusform>%n секунды</numerusform>
            <numerusform>%n секунд</numerusform>
        </translation>
    </message>
    <message>
        <source>No persona is ticked: tick her account in the list of people, and her channel if its posts are hers.</source>
        <translation>Персона не отмечена: отметьте её аккаунт в списке людей, а также её канал, если его посты — её.</translation>
    </message>
    <message>
        <source>The ticked account wrote no messages in these chats: it may be the wrong account.</source>
        <translation>У отмеченного аккаунта нет ни одного сообщения в этих чатах: возможно, отмечен не тот аккаунт.</translation>
    </message>
    <message numerus="yes">
        <source>The persona wrote %n message(s) in these chats.</source>
        <translation>
            <numerusform>В этих чатах у персоны %n сообщение.</numerusform>
            <numerusform>В этих чатах у персоны %n сообщения.</numerusform>
            <numerusform>В этих чатах у персоны %n сообщений.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Messages she sent in a row count as one answer: %n answer(s) in all.</source>
        <translation>
            <numerusform>Сообщения, отправленные ею подряд, считаются одним ответом: всего %n ответ.</numerusform>
            <numerusform>Сообщения, отправленные ею подряд, считаются одним ответом: всего %n ответа.</numerusform>
            <numerusform>Сообщения, отправленные ею подряд, считаются одним ответом: всего %n ответов.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n reply(ies) to members' messages became pairs.</source>
        <translation>
            <numerusform>%n ответ участникам через «Ответить» стал парой.</numerusform>
            <numerusform>%n ответа участникам через «Ответить» стали парами.</numerusform>
            <numerusform>%n ответов участникам через «Ответить» стали парами.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n answer(s) written without “Reply” right after a member's message became pairs too.</source>
        <translation>
            <numerusform>%n ответ без «Ответить» сразу после сообщения участника тоже стал парой.</numerusform>
            <numerusform>%n ответа без «Ответить» сразу после сообщения участника тоже стали парами.</numerusform>
            <numerusform>%n ответов без «Ответить» сразу после сообщения участника тоже стали парами.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n answer(s) without “Reply” came later than %1 after the member's message (the answer window), so they were left out.</source>
        <translation>
            <numerusform>%n ответ без «Ответить» пришёл позже, чем через %1 после сообщения участника (окно ответа), и в пары не попал.</numerusform>
            <numerusform>%n ответа без «Ответить» пришли позже, чем через %1 после сообщения участника (окно ответа), и в пары не попали.</numerusform>
            <numerusform>%n ответов без «Ответить» пришли позже, чем через %1 после сообщения участника (окно ответа), и в пары не попали.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n answer(s) without “Reply” follow a member's message, but pairing such answers is switched off.</source>
        <translation>
            <numerusform>%n ответ без «Ответить» идёт после сообщения участника, но такие ответы сейчас в пары не берутся.</numerusform>
            <numerusform>%n ответа без «Ответить» идут после сообщения участника, но такие ответы сейчас в пары не берутся.</numerusform>
            <numerusform>%n ответов без «Ответить» идут после сообщения участника, но такие ответы сейчас в пары не берутся.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n message(s) follow her own message with no question in between: posts, announcements, thoughts she went on with.</source>
        <translation>
            <numerusform>%n сообщение идёт сразу после её же сообщения, без вопроса между ними: посты, объявления, продолжение мысли.</numerusform>
            <numerusform>%n сообщения идут сразу после её же сообщений, без вопроса между ними: посты, объявления, продолжение мысли.</numerusform>
            <numerusform>%n сообщений идут сразу после её же сообщений, без вопроса между ними: посты, объявления, продолжение мысли.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n message(s) reply to her own message, not to a member's question.</source>
        <translation>
            <numerusform>%n сообщение отвечает на её же сообщение, а не на вопрос участника.</numerusform>
            <numerusform>%n сообщения отвечают на её же сообщения, а не на вопрос участника.</numerusform>
            <numerusform>%n сообщений отвечают на её же сообщения, а не на вопрос участника.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n message(s) reply to a channel post: a remark on the post, not an answer to a member.</source>
        <translation>
            <numerusform>%n сообщение отвечает на пост канала: это замечание к посту, а не ответ участнику.</numerusform>
            <numerusform>%n сообщения отвечают на посты канала: это замечания к постам, а не ответы участникам.</numerusform>
            <numerusform>%n сообщений отвечают на посты канала: это замечания к постам, а не ответы участникам.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n message(s) come right after a channel post, with no member's question before them.</source>
        <translation>
            <numerusform>%n сообщение идёт сразу после поста канала, без вопроса участника перед ним.</numerusform>
            <numerusform>%n сообщения идут сразу после постов канала, без вопроса участника перед ними.</numerusform>
            <numerusform>%n сообщений идут сразу после постов канала, без вопроса участника перед ними.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n message(s) open a chat or a topic: nothing came before them.</source>
        <translation>
            <numerusform>%n сообщение открывает чат или тему: перед ним ничего нет.</numerusform>
            <numerusform>%n сообщения открывают чат или тему: перед ними ничего нет.</numerusform>
            <numerusform>%n сообщений открывают чат или тему: перед ними ничего нет.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n message(s) follow a question she had already answered with “Reply”.</source>
        <translation>
            <numerusform>%n сообщение идёт после вопроса, на который она уже ответила через «Ответить».</numerusform>
            <numerusform>%n сообщения идут после вопросов, на которые она уже ответила через «Ответить».</numerusform>
            <numerusform>%n сообщений идут после вопросов, на которые она уже ответила через «Ответить».</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n message(s) follow a message whose author the export does not name.</source>
        <translation>
            <numerusform>%n сообщение идёт после сообщения, автора которого в выгрузке нет.</numerusform>
            <numerusform>%n сообщения идут после сообщений, автора которых в выгрузке нет.</numerusform>
            <numerusform>%n сообщений идут после сообщений, автора которых в выгрузке нет.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n message(s) are too short to be an answer (under %1 characters).</source>
        <translation>
            <numerusform>%n сообщение слишком короткое для ответа (меньше %1 символов).</numerusform>
            <numerusform>%n сообщения слишком короткие для ответа (меньше %1 символов).</numerusform>
            <numerusform>%n сообщений слишком короткие для ответа (меньше %1 символов).</numerusform>
        </translation>
    </message>
    <message>
        <source>Nobody but the persona writes in these chats (a channel?): pairs need members' questions. Import the discussion group or the chats where she answers people.</source>
        <translation>В этих чатах пишет только персона (это канал?), а для пар нужны вопросы участников. Импортируйте группу обсуждения или чаты, где она отвечает людям.</translation>
    </message>
    <message>
        <source>Those late answers came more than a day after the question: a wider window would not find them.</source>
        <translation>Эти поздние ответы пришли больше чем через сутки после вопроса: более широкое окно их не найдёт.</translation>
    </message>
    <message numerus="yes">
        <source>Within %1: %n more pair(s)</source>
        <translation>
            <numerusform>Ответ за %1: ещё %n пара</numerusform>
            <numerusform>Ответ за %1: ещё %n пары</numerusform>
            <numerusform>Ответ за %1: ещё %n пар</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>The channel “%1” has %n post(s) here: if she writes as the channel, tick it as hers.</source>
        <translation>
            <numerusform>У канала «%1» здесь %n пост: если она пишет от имени канала, отметьте его как её аккаунт.</numerusform>
            <numerusform>У канала «%1» здесь %n поста: если она пишет от имени канала, отметьте его как её аккаунт.</numerusform>
            <numerusform>У канала «%1» здесь %n постов: если она пишет от имени канала, отметьте его как её аккаунт.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>“%1” wrote the most here (%n message(s)): is that her account?</source>
        <translation>
            <numerusform>Больше всех здесь пишет «%1» (%n сообщение): может быть, это её аккаунт?</numerusform>
            <numerusform>Больше всех здесь пишет «%1» (%n сообщения): может быть, это её аккаунт?</numerusform>
            <numerusform>Больше всех здесь пишет «%1» (%n сообщений): может быть, это её аккаунт?</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>WhyPanel</name>
    <message>
        <source>Why so few?</source>
        <translation>Почему так мало?</translation>
    </message>
    <message>
        <source>What became of the persona's messages, and what would find more pairs.</source>
        <translation>Что стало с сообщениями персоны и что поможет найти больше пар.</translation>
    </message>
    <message>
        <source>A wider answer window would find more pairs:</source>
        <translation>Более широкое окно ответа найдёт больше пар:</translation>
    </message>
    <message>
        <source>Tick “%1” as hers</source>
        <translation>Отметить «%1» как её аккаунт</translation>
    </message>
    <message>
        <source>Extract pairs again, pairing answers written without “Reply” that came within this time.</source>
        <translation>Найти пары заново, беря в пары ответы без «Ответить», пришедшие в пределах этого времени.</translation>
    </message>
</context>
<context>
    <name>_ImportArea</name>
    <message>
        <source>Import export files…</source>
        <translation>Импортировать файлы экспорта…</translation>
    </message>
    <message>
        <source>Import a folder…</source>
        <translation>Импортировать папку…</translation>
    </message>
    <message>
        <source>In Telegram Desktop: chat menu → Export chat history → format "Machine-readable JSON". Then choose its result.json here, or drag the file or folder onto this window.</source>
        <translation>В Telegram Desktop: меню чата → «Экспорт истории чата» → формат «Машиночитаемый JSON». Затем выберите здесь его result.json или перетащите файл или папку в это окно.</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Отмена</translation>
    </message>
    <message>
        <source>Chat</source>
        <translation>Чат</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Тип</translation>
    </message>
    <message>
        <source>Messages</source>
        <translation>Сообщения</translation>
    </message>
    <message>
        <source>personal chat</source>
        <translation>личный чат</translation>
    </message>
    <message>
        <source>bot</source>
        <translation>бот</translation>
    </message>
    <message>
        <source>group</source>
        <translation>группа</translation>
    </message>
    <message>
        <source>public group</source>
        <translation>публичная группа</translation>
    </message>
    <message>
        <source>channel</source>
        <translation>канал</translation>
    </message>
    <message>
        <source>public channel</source>
        <translation>публичный канал</translation>
    </message>
    <message>
        <source>saved messages</source>
        <translation>избранное</translation>
    </message>
    <message>
        <source>, forum</source>
        <translation>, форум</translation>
    </message>
</context>
</TS>