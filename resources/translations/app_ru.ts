<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="ru">
<context>
    <name>App</name>
    <message>
        <source>Something went wrong. Your work is saved in the project file.</source>
        <translation>Что-то пошло не так. Ваша работа сохранена в файле проекта.</translation>
    </message>
    <message>
        <source>The details were written to the log: {path}</source>
        <translation>Подробности записаны в журнал: {path}</translation>
    </message>
</context>
<context>
    <name>Cli</name>
    <message>
        <source>Created project {path} for {persona}.</source>
        <translation>Создан проект {path} для персоны «{persona}».</translation>
    </message>
    <message>
        <source>Project: {path}</source>
        <translation>Проект: {path}</translation>
    </message>
    <message>
        <source>Persona: {name}</source>
        <translation>Персона: {name}</translation>
    </message>
    <message>
        <source>Schema version: {version}</source>
        <translation>Версия схемы: {version}</translation>
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
        <source>Messages: {n}</source>
        <translation>Сообщений: {n}</translation>
    </message>
    <message>
        <source>Pairs: {n}</source>
        <translation>Пар: {n}</translation>
    </message>
    <message>
        <source>Snapshots: {n}</source>
        <translation>Снимков: {n}</translation>
    </message>
    <message>
        <source>Fine-tune jobs: {n}</source>
        <translation>Заданий обучения: {n}</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Sources</source>
        <translation>Источники</translation>
    </message>
    <message>
        <source>Pairs</source>
        <translation>Пары</translation>
    </message>
    <message>
        <source>Statistics</source>
        <translation>Статистика</translation>
    </message>
    <message>
        <source>Fine-tune</source>
        <translation>Обучение</translation>
    </message>
    <message>
        <source>Test chat</source>
        <translation>Тест-чат</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Файл</translation>
    </message>
    <message>
        <source>&amp;New project…</source>
        <translation>&amp;Новый проект…</translation>
    </message>
    <message>
        <source>&amp;Open project…</source>
        <translation>&amp;Открыть проект…</translation>
    </message>
    <message>
        <source>Open the &amp;demo project</source>
        <translation>Открыть &amp;демо-проект</translation>
    </message>
    <message>
        <source>Open &amp;recent</source>
        <translation>&amp;Недавние</translation>
    </message>
    <message>
        <source>&amp;Import Telegram export…</source>
        <translation>&amp;Импорт выгрузки Telegram…</translation>
    </message>
    <message>
        <source>&amp;Close project</source>
        <translation>&amp;Закрыть проект</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>В&amp;ыход</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>&amp;Правка</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;Вид</translation>
    </message>
    <message>
        <source>&amp;Dataset</source>
        <translation>&amp;Данные</translation>
    </message>
    <message>
        <source>&amp;Find pairs again</source>
        <translation>&amp;Найти пары заново</translation>
    </message>
    <message>
        <source>&amp;Settings</source>
        <translation>&amp;Настройки</translation>
    </message>
    <message>
        <source>&amp;Preferences…</source>
        <translation>&amp;Параметры…</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;Справка</translation>
    </message>
    <message>
        <source>&amp;Keyboard shortcuts</source>
        <translation>&amp;Сочетания клавиш</translation>
    </message>
    <message>
        <source>Open the &amp;log folder</source>
        <translation>Открыть папку &amp;журнала</translation>
    </message>
    <message>
        <source>&amp;About Natasha Studio</source>
        <translation>&amp;О программе Natasha Studio</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Отмена</translation>
    </message>
    <message>
        <source>Cancel the background work</source>
        <translation>Остановить фоновую работу</translation>
    </message>
    <message>
        <source>The project was not created</source>
        <translation>Проект не создан</translation>
    </message>
    <message>
        <source>Open a project</source>
        <translation>Открыть проект</translation>
    </message>
    <message>
        <source>Natasha Studio projects (*.nstudio);;Telegram export (result.json, *.json);;All files (*)</source>
        <translation>Проекты Natasha Studio (*.nstudio);;Экспорт Telegram (result.json, *.json);;Все файлы (*)</translation>
    </message>
    <message>
        <source>The project could not be opened</source>
        <translation>Не удалось открыть проект</translation>
    </message>
    <message>
        <source>“{name}” is not a Natasha Studio project. If it is a Telegram export (result.json), its chats can be imported.</source>
        <translation>«{name}» — не проект Natasha Studio. Если это экспорт Telegram (result.json), его чаты можно импортировать.</translation>
    </message>
    <message>
        <source>New project from this export…</source>
        <translation>Новый проект из этого экспорта…</translation>
    </message>
    <message>
        <source>Import into “{persona}”</source>
        <translation>Импортировать в «{persona}»</translation>
    </message>
    <message>
        <source>The demo project is not available</source>
        <translation>Демо-проект недоступен</translation>
    </message>
    <message>
        <source>Demo</source>
        <translation>Демо</translation>
    </message>
    <message>
        <source>Preparing the demo project</source>
        <translation>Готовим демо-проект</translation>
    </message>
    <message>
        <source>Choose Telegram export files</source>
        <translation>Выберите файлы выгрузки Telegram</translation>
    </message>
    <message>
        <source>Telegram export (result.json, *.json);;All files (*)</source>
        <translation>Выгрузка Telegram (result.json, *.json);;Все файлы (*)</translation>
    </message>
    <message>
        <source>No project open</source>
        <translation>Проект не открыт</translation>
    </message>
    <message>
        <source>{persona} · {chats} · {messages} · {pairs}</source>
        <translation>{persona} · {chats} · {messages} · {pairs}</translation>
    </message>
    <message numerus="yes">
        <source>%n chats</source>
        <translation>
            <numerusform>%n чат</numerusform>
            <numerusform>%n чата</numerusform>
            <numerusform>%n чатов</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n messages</source>
        <translation>
            <numerusform>%n сообщение</numerusform>
            <numerusform>%n сообщения</numerusform>
            <numerusform>%n сообщений</numerusform>
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
    <message>
        <source>{title} and {n} more</source>
        <translation>{title} и ещё {n}</translation>
    </message>
    <message>
        <source>About Natasha Studio</source>
        <translation>О программе Natasha Studio</translation>
    </message>
    <message>
        <source>&lt;h3&gt;Natasha Studio {version}&lt;/h3&gt;&lt;p&gt;Build a persona's fine-tuning dataset from Telegram conversations, curate it, tune a model and test it.&lt;/p&gt;</source>
        <translation>&lt;h3&gt;Natasha Studio {version}&lt;/h3&gt;&lt;p&gt;Соберите датасет для дообучения модели из переписки в Telegram, выверите его, обучите модель и проверьте её.&lt;/p&gt;</translation>
    </message>
</context>
<context>
    <name>NewProjectDialog</name>
    <message>
        <source>New project</source>
        <translation>Новый проект</translation>
    </message>
    <message>
        <source>A project is one file that holds everything: sources, pairs, your edits, snapshots and fine-tune jobs. You can copy it to another computer.</source>
        <translation>Проект — это один файл, в котором хранится всё: источники, пары, ваши правки, снимки и задания обучения. Его можно перенести на другой компьютер.</translation>
    </message>
    <message>
        <source>e.g. Наташа</source>
        <translation>например, Наташа</translation>
    </message>
    <message>
        <source>Who the model should be, e.g. “You are Наташа, the host of a community about …”</source>
        <translation>Кем должна быть модель, например: «Ты — Наташа, ведущая сообщества о …»</translation>
    </message>
    <message>
        <source>Choose…</source>
        <translation>Выбрать…</translation>
    </message>
    <message>
        <source>Persona name:</source>
        <translation>Имя персоны:</translation>
    </message>
    <message>
        <source>System prompt:</source>
        <translation>Системный промпт:</translation>
    </message>
    <message>
        <source>Project file:</source>
        <translation>Файл проекта:</translation>
    </message>
    <message>
        <source>You can change the system prompt later.</source>
        <translation>Системный промпт можно будет изменить позже.</translation>
    </message>
    <message>
        <source>Create</source>
        <translation>Создать</translation>
    </message>
    <message>
        <source>dataset</source>
        <translation>датасет</translation>
    </message>
    <message>
        <source>Save the project as</source>
        <translation>Сохранить проект как</translation>
    </message>
    <message>
        <source>Natasha Studio projects (*.nstudio)</source>
        <translation>Проекты Natasha Studio (*.nstudio)</translation>
    </message>
</context>
<context>
    <name>Notifier</name>
    <message>
        <source>The import is finished</source>
        <translation>Импорт завершён</translation>
    </message>
    <message>
        <source>The pairs are found</source>
        <translation>Пары найдены</translation>
    </message>
    <message>
        <source>The messages are fetched from Telegram</source>
        <translation>Сообщения из Telegram загружены</translation>
    </message>
    <message>
        <source>Natasha Studio finished this while you were away.</source>
        <translation>Natasha Studio закончила это, пока вас не было.</translation>
    </message>
    <message>
        <source>The fine-tune “{name}” is finished</source>
        <translation>Обучение «{name}» завершено</translation>
    </message>
    <message>
        <source>Try the tuned model in the Test chat tab.</source>
        <translation>Попробуйте обученную модель на вкладке «Тест-чат».</translation>
    </message>
    <message>
        <source>The fine-tune “{name}” failed</source>
        <translation>Обучение «{name}» не удалось</translation>
    </message>
    <message>
        <source>The Fine-tune tab says why.</source>
        <translation>Причина — на вкладке «Обучение».</translation>
    </message>
    <message>
        <source>The fine-tune “{name}” was cancelled</source>
        <translation>Обучение «{name}» отменено</translation>
    </message>
</context>
<context>
    <name>Project</name>
    <message>
        <source>The project file {path} does not exist.</source>
        <translation>Файл проекта {path} не существует.</translation>
    </message>
    <message>
        <source>{path} is a folder, not a project file.</source>
        <translation>{path} — это папка, а не файл проекта.</translation>
    </message>
    <message>
        <source>The file {path} cannot be read: {reason}</source>
        <translation>Не удаётся прочитать файл {path}: {reason}</translation>
    </message>
    <message>
        <source>{name} is not a Natasha Studio project.</source>
        <translation>{name} — не проект Natasha Studio.</translation>
    </message>
    <message>
        <source>Choose a file with the .nstudio extension, or create a new project.</source>
        <translation>Выберите файл с расширением .nstudio или создайте новый проект.</translation>
    </message>
    <message>
        <source>The project {name} is damaged and cannot be opened ({reason}).</source>
        <translation>Проект {name} повреждён и не открывается ({reason}).</translation>
    </message>
    <message>
        <source>Open a backup copy of the project, if you have one.</source>
        <translation>Откройте резервную копию проекта, если она есть.</translation>
    </message>
    <message>
        <source>The project {name} was saved by a newer version of Natasha Studio.</source>
        <translation>Проект {name} сохранён более новой версией Natasha Studio.</translation>
    </message>
    <message>
        <source>Update Natasha Studio to open it. The file was not changed.</source>
        <translation>Обновите Natasha Studio, чтобы открыть его. Файл не изменён.</translation>
    </message>
    <message>
        <source>The project {name} is busy: another program is writing a large import into it.</source>
        <translation>Проект {name} занят: другая программа записывает в него большой импорт.</translation>
    </message>
    <message>
        <source>Try again when the import has finished. The project was not changed.</source>
        <translation>Попробуйте снова, когда импорт закончится. Проект не изменён.</translation>
    </message>
    <message>
        <source>A file named {name} already exists.</source>
        <translation>Файл с именем {name} уже существует.</translation>
    </message>
    <message>
        <source>Choose another name, or open the existing project.</source>
        <translation>Выберите другое имя или откройте существующий проект.</translation>
    </message>
    <message>
        <source>The persona needs a name.</source>
        <translation>Укажите имя персоны.</translation>
    </message>
    <message>
        <source>The project cannot be created at {path}: {reason}</source>
        <translation>Не удаётся создать проект в {path}: {reason}</translation>
    </message>
    <message>
        <source>The project {name} cannot be opened for writing: {reason}</source>
        <translation>Проект {name} не открывается для записи: {reason}</translation>
    </message>
    <message>
        <source>Check that the file is not read-only and that the disk is not full.</source>
        <translation>Проверьте, что файл не защищён от записи и на диске есть место.</translation>
    </message>
    <message>
        <source>Updating the project {name} failed: {reason}</source>
        <translation>Не удалось обновить проект {name}: {reason}</translation>
    </message>
    <message>
        <source>The project was left as it was; a backup copy sits beside it.</source>
        <translation>Проект остался без изменений; рядом с ним лежит резервная копия.</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <source>Settings</source>
        <translation>Настройки</translation>
    </message>
    <message>
        <source>General</source>
        <translation>Общие</translation>
    </message>
    <message>
        <source>Keys and accounts</source>
        <translation>Ключи и учётные записи</translation>
    </message>
    <message>
        <source>As the system</source>
        <translation>Как в системе</translation>
    </message>
    <message>
        <source>Light</source>
        <translation>Светлая</translation>
    </message>
    <message>
        <source>Dark</source>
        <translation>Тёмная</translation>
    </message>
    <message>
        <source>Choose…</source>
        <translation>Выбрать…</translation>
    </message>
    <message>
        <source>Language:</source>
        <translation>Язык:</translation>
    </message>
    <message>
        <source>Theme:</source>
        <translation>Тема:</translation>
    </message>
    <message>
        <source>Folder for new projects:</source>
        <translation>Папка для новых проектов:</translation>
    </message>
    <message>
        <source>This computer has no password storage (keyring) that Natasha Studio can use. Keys you enter are kept only until you close the app, and never written to disk; you will be asked for them again next time.</source>
        <translation>На этом компьютере нет хранилища паролей, которым может пользоваться Natasha Studio. Введённые ключи хранятся только до закрытия программы и никогда не записываются на диск; в следующий раз их нужно будет ввести снова.</translation>
    </message>
    <message>
        <source>Keys are kept in your system's password storage, never in project files. Environment variables, where set, take precedence.</source>
        <translation>Ключи хранятся в системном хранилище паролей и никогда не попадают в файлы проектов. Заданные переменные окружения имеют приоритет.</translation>
    </message>
    <message>
        <source>OpenAI</source>
        <translation>OpenAI</translation>
    </message>
    <message>
        <source>API key:</source>
        <translation>API-ключ:</translation>
    </message>
    <message>
        <source>Base URL (optional):</source>
        <translation>Базовый URL (необязательно):</translation>
    </message>
    <message>
        <source>Google Vertex AI</source>
        <translation>Google Vertex AI</translation>
    </message>
    <message>
        <source>Project ID:</source>
        <translation>ID проекта:</translation>
    </message>
    <message>
        <source>Region:</source>
        <translation>Регион:</translation>
    </message>
    <message>
        <source>Cloud Storage bucket:</source>
        <translation>Бакет Cloud Storage:</translation>
    </message>
    <message>
        <source>Service-account key file:</source>
        <translation>Файл ключа сервисного аккаунта:</translation>
    </message>
    <message>
        <source>empty: Application Default Credentials</source>
        <translation>пусто: учётные данные по умолчанию (ADC)</translation>
    </message>
    <message>
        <source>Telegram</source>
        <translation>Telegram</translation>
    </message>
    <message>
        <source>API id:</source>
        <translation>API id:</translation>
    </message>
    <message>
        <source>API hash:</source>
        <translation>API hash:</translation>
    </message>
    <message>
        <source>OpenAI-compatible server</source>
        <translation>OpenAI-совместимый сервер</translation>
    </message>
    <message>
        <source>if the server needs one</source>
        <translation>если сервер его требует</translation>
    </message>
    <message>
        <source>from the environment</source>
        <translation>из переменной окружения</translation>
    </message>
    <message>
        <source>saved</source>
        <translation>сохранён</translation>
    </message>
    <message>
        <source>this session only</source>
        <translation>только на этот сеанс</translation>
    </message>
    <message>
        <source>Folder for new projects</source>
        <translation>Папка для новых проектов</translation>
    </message>
    <message>
        <source>Service-account key file</source>
        <translation>Файл ключа сервисного аккаунта</translation>
    </message>
    <message>
        <source>JSON key files (*.json)</source>
        <translation>Файлы ключей JSON (*.json)</translation>
    </message>
</context>
<context>
    <name>StudioApp</name>
    <message>
        <source>Language</source>
        <translation>Язык</translation>
    </message>
    <message>
        <source>The new language is used after a restart. Restart Natasha Studio now?</source>
        <translation>Новый язык включится после перезапуска. Перезапустить Natasha Studio сейчас?</translation>
    </message>
</context>
<context>
    <name>WelcomePage</name>
    <message>
        <source>Natasha Studio</source>
        <translation>Natasha Studio</translation>
    </message>
    <message>
        <source>Turn a Telegram community's conversations into a fine-tuning dataset in the persona's voice, tune a model on it, and check that it sounds like her.</source>
        <translation>Превратите переписку сообщества в Telegram в датасет для дообучения голосом персоны, обучите на нём модель и проверьте, что она звучит как она.</translation>
    </message>
    <message>
        <source>New project…</source>
        <translation>Новый проект…</translation>
    </message>
    <message>
        <source>Start a dataset for a persona: give her name and a system prompt.</source>
        <translation>Начните датасет для персоны: укажите её имя и системный промпт.</translation>
    </message>
    <message>
        <source>Open project…</source>
        <translation>Открыть проект…</translation>
    </message>
    <message>
        <source>Continue with a .nstudio file.</source>
        <translation>Продолжите работу с файлом .nstudio.</translation>
    </message>
    <message>
        <source>Open the demo project</source>
        <translation>Открыть демо-проект</translation>
    </message>
    <message>
        <source>A fictional community chat, ready to explore every tab without a Telegram account.</source>
        <translation>Вымышленный чат сообщества: можно посмотреть все вкладки без аккаунта Telegram.</translation>
    </message>
    <message>
        <source>Recent projects</source>
        <translation>Недавние проекты</translation>
    </message>
    <message>
        <source>No recent projects yet.</source>
        <translation>Недавних проектов пока нет.</translation>
    </message>
    <message>
        <source>{name}    —    file not found</source>
        <translation>{name}    —    файл не найден</translation>
    </message>
</context>
</TS>