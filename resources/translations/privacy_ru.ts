<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="ru">
<context>
    <name>AuditDialog</name>
    <message>
        <source>Redaction history</source>
        <translation>История замен</translation>
    </message>
    <message>
        <source>When</source>
        <translation>Когда</translation>
    </message>
    <message>
        <source>How</source>
        <translation>Как</translation>
    </message>
    <message>
        <source>Where</source>
        <translation>Где</translation>
    </message>
    <message>
        <source>Pairs</source>
        <translation>Пары</translation>
    </message>
    <message>
        <source>Undone</source>
        <translation>Отменено</translation>
    </message>
    <message>
        <source>Replaced</source>
        <translation>Заменено</translation>
    </message>
    <message>
        <source>placeholders</source>
        <translation>метки</translation>
    </message>
    <message>
        <source>fake names</source>
        <translation>вымышленные имена</translation>
    </message>
    <message>
        <source>all pairs</source>
        <translation>все пары</translation>
    </message>
    <message>
        <source>selected pairs</source>
        <translation>выбранные пары</translation>
    </message>
    <message>
        <source>one pair</source>
        <translation>одна пара</translation>
    </message>
    <message>
        <source>one finding</source>
        <translation>одна находка</translation>
    </message>
    <message>
        <source>Nothing has been replaced in this project yet.</source>
        <translation>В этом проекте ещё ничего не заменяли.</translation>
    </message>
    <message>
        <source>The replaced values themselves are never recorded here.</source>
        <translation>Сами заменённые данные здесь не сохраняются.</translation>
    </message>
</context>
<context>
    <name>ModeAndKindsBox</name>
    <message>
        <source>Placeholders, such as [ИМЯ_1] and [ТЕЛЕФОН]</source>
        <translation>Метки, например [ИМЯ_1] и [ТЕЛЕФОН]</translation>
    </message>
    <message>
        <source>Realistic fake names (other data gets placeholders)</source>
        <translation>Правдоподобные вымышленные имена (остальное — метками)</translation>
    </message>
    <message>
        <source>Replace</source>
        <translation>Заменить</translation>
    </message>
</context>
<context>
    <name>Privacy</name>
    <message>
        <source>It goes on by itself once that change is written.</source>
        <translation>Она продолжится сама, как только это изменение будет записано.</translation>
    </message>
    <message numerus="yes">
        <source>No personal data found in %n pairs.</source>
        <translation>
            <numerusform>Личных данных не найдено в %n паре.</numerusform>
            <numerusform>Личных данных не найдено в %n парах.</numerusform>
            <numerusform>Личных данных не найдено в %n парах.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Personal data remains in %n pairs</source>
        <translation>
            <numerusform>Личные данные остались в %n паре</numerusform>
            <numerusform>Личные данные остались в %n парах</numerusform>
            <numerusform>Личные данные остались в %n парах</numerusform>
        </translation>
    </message>
    <message>
        <source>The project is busy with another change, so the check for personal data could not save its results.</source>
        <translation>Проект занят другим изменением, поэтому проверка на личные данные не смогла сохранить результаты.</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Имя</translation>
    </message>
    <message>
        <source>Username</source>
        <translation>Имя пользователя</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>Телефон</translation>
    </message>
    <message>
        <source>E-mail</source>
        <translation>Эл. почта</translation>
    </message>
    <message>
        <source>Profile link</source>
        <translation>Ссылка на профиль</translation>
    </message>
    <message>
        <source>Card number</source>
        <translation>Номер карты</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>Адрес</translation>
    </message>
    <message>
        <source>Place</source>
        <translation>Место</translation>
    </message>
    <message>
        <source>Organisation</source>
        <translation>Организация</translation>
    </message>
    <message>
        <source>Deny-list word</source>
        <translation>Слово из стоп-списка</translation>
    </message>
    <message>
        <source>chat participant</source>
        <translation>участник чата</translation>
    </message>
    <message>
        <source>persona</source>
        <translation>персона</translation>
    </message>
    <message>
        <source>deny-list</source>
        <translation>стоп-список</translation>
    </message>
    <message>
        <source>pattern</source>
        <translation>шаблон</translation>
    </message>
    <message>
        <source>language model (NER)</source>
        <translation>языковая модель (NER)</translation>
    </message>
    <message>
        <source>name dictionary</source>
        <translation>словарь имён</translation>
    </message>
    <message>
        <source>The name recogniser could not be loaded: {reason}</source>
        <translation>Не удалось загрузить распознавание имён: {reason}</translation>
    </message>
    <message>
        <source>Reinstall Natasha Studio; names of chat participants and patterns still work without it.</source>
        <translation>Переустановите Natasha Studio. Имена участников чатов и шаблоны работают и без него.</translation>
    </message>
    <message>
        <source>There is no redaction to undo.</source>
        <translation>Нет замены, которую можно отменить.</translation>
    </message>
    <message>
        <source>It may have been undone already.</source>
        <translation>Возможно, её уже отменили.</translation>
    </message>
    <message>
        <source>Personal data</source>
        <translation>Личные данные</translation>
    </message>
    <message>
        <source>Scanning: {done} of {total} pairs</source>
        <translation>Проверка: {done} из {total} пар</translation>
    </message>
    <message>
        <source>  pair #{id}: {counts}</source>
        <translation>  пара №{id}: {counts}</translation>
    </message>
    <message>
        <source>  … and {n} more pairs (--json lists all).</source>
        <translation>  … и ещё пар: {n} (полный список — с --json).</translation>
    </message>
    <message>
        <source>Replace them with: natasha-studio privacy {path} --redact</source>
        <translation>Заменить их: natasha-studio privacy {path} --redact</translation>
    </message>
    <message>
        <source>Nothing to replace: no personal data found.</source>
        <translation>Заменять нечего: личных данных не найдено.</translation>
    </message>
    <message numerus="yes">
        <source>Replaced in %n pairs</source>
        <translation>
            <numerusform>Заменено в %n паре</numerusform>
            <numerusform>Заменено в %n парах</numerusform>
            <numerusform>Заменено в %n парах</numerusform>
        </translation>
    </message>
    <message>
        <source>Undo with: natasha-studio privacy {path} --undo</source>
        <translation>Отменить: natasha-studio privacy {path} --undo</translation>
    </message>
    <message numerus="yes">
        <source>Redaction undone: %n pairs restored.</source>
        <translation>
            <numerusform>Замена отменена: восстановлена %n пара.</numerusform>
            <numerusform>Замена отменена: восстановлено %n пары.</numerusform>
            <numerusform>Замена отменена: восстановлено %n пар.</numerusform>
        </translation>
    </message>
    <message>
        <source>Left as they are, edited since the redaction: {ids}</source>
        <translation>Оставлены как есть, потому что их правили после замены: {ids}</translation>
    </message>
    <message>
        <source>«{word}» is not personal data now: it is no longer highlighted or replaced, in any form.</source>
        <translation>«{word}» теперь не считается личными данными: это слово больше не подсвечивается и не заменяется ни в какой форме.</translation>
    </message>
    <message>
        <source>Take it back with: natasha-studio privacy {path} --personal-again {word}</source>
        <translation>Вернуть как было: natasha-studio privacy {path} --personal-again {word}</translation>
    </message>
    <message>
        <source>«{word}» was already marked as not personal.</source>
        <translation>«{word}» уже отмечено как не личные данные.</translation>
    </message>
    <message>
        <source>«{word}» is treated as possible personal data again: it is highlighted and replaced like before.</source>
        <translation>«{word}» снова считается возможными личными данными: слово подсвечивается и заменяется, как раньше.</translation>
    </message>
    <message>
        <source>«{word}» was not marked as not personal; nothing changed.</source>
        <translation>«{word}» не было отмечено как не личные данные — ничего не изменилось.</translation>
    </message>
    <message>
        <source>No redactions yet.</source>
        <translation>Замен ещё не было.</translation>
    </message>
    <message>
        <source> (undone {at})</source>
        <translation> (отменено {at})</translation>
    </message>
    <message>
        <source>#{id} {at} {mode}, {pairs} pairs: {counts}{undone}</source>
        <translation>№{id} {at} {mode}, пар: {pairs}: {counts}{undone}</translation>
    </message>
    <message>
        <source>No word was given.</source>
        <translation>Слово не указано.</translation>
    </message>
    <message>
        <source>Give the word or name exactly as it is written in a pair, for example Хатхор.</source>
        <translation>Укажите слово или имя так, как оно написано в паре, например Хатхор.</translation>
    </message>
</context>
<context>
    <name>PrivacyPanel</name>
    <message>
        <source>Waiting for another change to be written…</source>
        <translation>Ждём, пока запишется другое изменение…</translation>
    </message>
    <message>
        <source>Found</source>
        <translation>Найдено</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Тип</translation>
    </message>
    <message>
        <source>Found by</source>
        <translation>Кто нашёл</translation>
    </message>
    <message>
        <source>Replace in this pair</source>
        <translation>Заменить в этой паре</translation>
    </message>
    <message>
        <source>Not personal</source>
        <translation>Не личное</translation>
    </message>
    <message>
        <source>The chosen word is nobody's personal data (a goddess, a brand): never highlight or replace it in this project. Undo with Ctrl+Z.</source>
        <translation>Выбранное слово — не чьи-то личные данные (например, имя богини или марка): его больше не будут подсвечивать и заменять в этом проекте. Отменить — Ctrl+Z.</translation>
    </message>
    <message>
        <source>Selected pairs…</source>
        <translation>Выбранные пары…</translation>
    </message>
    <message>
        <source>Preview and replace personal data in the pairs selected in the table</source>
        <translation>Посмотреть и заменить личные данные в парах, выбранных в таблице</translation>
    </message>
    <message>
        <source>All pairs…</source>
        <translation>Все пары…</translation>
    </message>
    <message>
        <source>Preview and replace personal data in every pair</source>
        <translation>Посмотреть и заменить личные данные во всех парах</translation>
    </message>
    <message>
        <source>Undo last redaction</source>
        <translation>Отменить последнюю замену</translation>
    </message>
    <message>
        <source>Settings…</source>
        <translation>Настройки…</translation>
    </message>
    <message>
        <source>History…</source>
        <translation>История…</translation>
    </message>
    <message>
        <source>Show only pairs with personal data</source>
        <translation>Показывать только пары с личными данными</translation>
    </message>
    <message>
        <source>Replace personal data in all pairs…</source>
        <translation>Заменить личные данные во всех парах…</translation>
    </message>
    <message>
        <source>Privacy settings…</source>
        <translation>Настройки личных данных…</translation>
    </message>
    <message>
        <source>Redaction history…</source>
        <translation>История замен…</translation>
    </message>
    <message>
        <source>Open a project to check its pairs for personal data.</source>
        <translation>Откройте проект, чтобы проверить его пары на личные данные.</translation>
    </message>
    <message>
        <source>Checking the pairs for personal data…</source>
        <translation>Проверяю пары на личные данные…</translation>
    </message>
    <message>
        <source>Checking for personal data</source>
        <translation>Проверка личных данных</translation>
    </message>
    <message>
        <source>Checking for personal data: {done} of {total} pairs</source>
        <translation>Проверка личных данных: {done} из {total} пар</translation>
    </message>
    <message numerus="yes">
        <source>%n pairs have personal data</source>
        <translation>
            <numerusform>Личные данные есть в %n паре</numerusform>
            <numerusform>Личные данные есть в %n парах</numerusform>
            <numerusform>Личные данные есть в %n парах</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>(of %n).</source>
        <translation>
            <numerusform>(из %n).</numerusform>
            <numerusform>(из %n).</numerusform>
            <numerusform>(из %n).</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>No personal data found in %n pairs.</source>
        <translation>
            <numerusform>Личных данных не найдено в %n паре.</numerusform>
            <numerusform>Личных данных не найдено в %n парах.</numerusform>
            <numerusform>Личных данных не найдено в %n парах.</numerusform>
        </translation>
    </message>
    <message>
        <source>Choose a pair to see personal data in it.</source>
        <translation>Выберите пару, чтобы увидеть в ней личные данные.</translation>
    </message>
    <message>
        <source>Looking for personal data…</source>
        <translation>Ищу личные данные…</translation>
    </message>
    <message>
        <source>In turn {n}</source>
        <translation>В реплике {n}</translation>
    </message>
    <message>
        <source>Replace</source>
        <translation>Заменить</translation>
    </message>
    <message>
        <source>Replace just this one</source>
        <translation>Заменить только это</translation>
    </message>
    <message numerus="yes">
        <source>%n findings in this pair</source>
        <translation>
            <numerusform>В этой паре %n находка</numerusform>
            <numerusform>В этой паре %n находки</numerusform>
            <numerusform>В этой паре %n находок</numerusform>
        </translation>
    </message>
    <message>
        <source>No personal data found in this pair.</source>
        <translation>В этой паре личных данных не найдено.</translation>
    </message>
    <message>
        <source>Nothing was replaced</source>
        <translation>Ничего не заменено</translation>
    </message>
    <message>
        <source>Select pairs in the table first.</source>
        <translation>Сначала выберите пары в таблице.</translation>
    </message>
    <message>
        <source>Preparing the preview</source>
        <translation>Готовлю предпросмотр</translation>
    </message>
    <message numerus="yes">
        <source>Personal data replaced in %n pairs.</source>
        <translation>
            <numerusform>Личные данные заменены в %n паре.</numerusform>
            <numerusform>Личные данные заменены в %n парах.</numerusform>
            <numerusform>Личные данные заменены в %n парах.</numerusform>
        </translation>
    </message>
    <message>
        <source>Replacing personal data</source>
        <translation>Замена личных данных</translation>
    </message>
    <message>
        <source>Nothing to undo</source>
        <translation>Нечего отменять</translation>
    </message>
    <message>
        <source>Redaction undone</source>
        <translation>Замена отменена</translation>
    </message>
    <message numerus="yes">
        <source>%n pairs were edited after the redaction and were left as they are.</source>
        <translation>
            <numerusform>%n пару правили после замены, она оставлена как есть.</numerusform>
            <numerusform>%n пары правили после замены, они оставлены как есть.</numerusform>
            <numerusform>%n пар правили после замены, они оставлены как есть.</numerusform>
        </translation>
    </message>
    <message>
        <source>Not personal: never flag «{word}»</source>
        <translation>Не личное: больше не отмечать «{word}»</translation>
    </message>
    <message>
        <source>The list of words that are not personal was not changed</source>
        <translation>Список слов, которые не считаются личными данными, не изменён</translation>
    </message>
    <message>
        <source>«{word}» is not personal now: it is no longer highlighted or replaced. Ctrl+Z undoes this.</source>
        <translation>«{word}» теперь не считается личными данными: слово больше не подсвечивается и не заменяется. Отменить — Ctrl+Z.</translation>
    </message>
    <message>
        <source>Replace «{word}» in this pair</source>
        <translation>Заменить «{word}» в этой паре</translation>
    </message>
</context>
<context>
    <name>PrivacySettingsDialog</name>
    <message>
        <source>Privacy settings</source>
        <translation>Настройки личных данных</translation>
    </message>
    <message>
        <source>Replace the persona’s own name ({name}) too</source>
        <translation>Заменять и имя самой персоны ({name})</translation>
    </message>
    <message>
        <source>no name set</source>
        <translation>имя не задано</translation>
    </message>
    <message>
        <source>Recognise names, places and organisations in Russian text</source>
        <translation>Распознавать имена, места и организации в русском тексте</translation>
    </message>
    <message>
        <source>One per line, e.g. Хатхор (a goddess, not a member)</source>
        <translation>По одному в строке, например Хатхор (богиня, а не участница)</translation>
    </message>
    <message>
        <source>One per line: words that always count as personal data, e.g. a nickname</source>
        <translation>По одному в строке: слова, которые всегда считаются личными данными, например прозвище</translation>
    </message>
    <message>
        <source>Never flag</source>
        <translation>Никогда не отмечать</translation>
    </message>
    <message>
        <source>Always flag</source>
        <translation>Всегда отмечать</translation>
    </message>
</context>
<context>
    <name>PrivacyUndo</name>
    <message numerus="yes">
        <source>Replace personal data in %n pairs</source>
        <translation>
            <numerusform>Замена личных данных в %n паре</numerusform>
            <numerusform>Замена личных данных в %n парах</numerusform>
            <numerusform>Замена личных данных в %n парах</numerusform>
        </translation>
    </message>
    <message>
        <source>Mark «{word}» as not personal</source>
        <translation>Отметить «{word}» как не личное</translation>
    </message>
    <message>
        <source>Treat «{word}» as personal again</source>
        <translation>Снова считать «{word}» личным</translation>
    </message>
</context>
<context>
    <name>RedactPreviewDialog</name>
    <message>
        <source>Replace personal data</source>
        <translation>Замена личных данных</translation>
    </message>
    <message>
        <source>Replace</source>
        <translation>Заменить</translation>
    </message>
    <message>
        <source>The original text stays in the project: Undo (Ctrl+Z) or “Undo last redaction” puts it back. Exports use the replaced text.</source>
        <translation>Исходный текст остаётся в проекте: «Отменить» (Ctrl+Z) или «Отменить последнюю замену» вернёт его. В экспорт попадает текст после замены.</translation>
    </message>
    <message>
        <source>Preparing the preview…</source>
        <translation>Готовлю предпросмотр…</translation>
    </message>
    <message numerus="yes">
        <source>Replace in %n pairs</source>
        <translation>
            <numerusform>Заменить в %n паре</numerusform>
            <numerusform>Заменить в %n парах</numerusform>
            <numerusform>Заменить в %n парах</numerusform>
        </translation>
    </message>
    <message>
        <source>Nothing to replace with these options.</source>
        <translation>С такими настройками заменять нечего.</translation>
    </message>
    <message numerus="yes">
        <source>%n replacements</source>
        <translation>
            <numerusform>%n замена</numerusform>
            <numerusform>%n замены</numerusform>
            <numerusform>%n замен</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n pairs will change.</source>
        <translation>
            <numerusform>Изменится %n пара.</numerusform>
            <numerusform>Изменятся %n пары.</numerusform>
            <numerusform>Изменятся %n пар.</numerusform>
        </translation>
    </message>
    <message>
        <source>Pair #{id}</source>
        <translation>Пара №{id}</translation>
    </message>
    <message numerus="yes">
        <source>… and %n more pairs.</source>
        <translation>
            <numerusform>… и ещё %n пара.</numerusform>
            <numerusform>… и ещё %n пары.</numerusform>
            <numerusform>… и ещё %n пар.</numerusform>
        </translation>
    </message>
</context>
</TS>