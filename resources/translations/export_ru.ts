<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="ru">
<context>
    <name>ChartCard</name>
    <message>
        <source>Save as PNG…</source>
        <translation>Сохранить как PNG…</translation>
    </message>
    <message>
        <source>Save this chart as a picture.</source>
        <translation>Сохранить этот график картинкой.</translation>
    </message>
    <message>
        <source>Nothing to show for this filter.</source>
        <translation>Для этого фильтра показать нечего.</translation>
    </message>
</context>
<context>
    <name>CompareDialog</name>
    <message>
        <source>“{old}” → “{new}”</source>
        <translation>«{old}» → «{new}»</translation>
    </message>
    <message>
        <source>The two snapshots hold exactly the same data (same content hash).</source>
        <translation>В двух снимках одни и те же данные (совпадает хеш содержимого).</translation>
    </message>
    <message>
        <source>Added: {added} · removed: {removed} · edited: {edited} · moved to another part: {moved} · unchanged: {unchanged}</source>
        <translation>Добавлено: {added} · удалено: {removed} · изменено: {edited} · перешло в другую часть: {moved} · без изменений: {unchanged}</translation>
    </message>
    <message>
        <source>The system prompt changed.</source>
        <translation>Системный промпт изменился.</translation>
    </message>
    <message>
        <source>Figure</source>
        <translation>Показатель</translation>
    </message>
    <message>
        <source>Change</source>
        <translation>Изменение</translation>
    </message>
    <message>
        <source>Added pairs</source>
        <translation>Добавленные пары</translation>
    </message>
    <message>
        <source>Removed pairs</source>
        <translation>Удалённые пары</translation>
    </message>
    <message>
        <source>Edited pairs</source>
        <translation>Изменённые пары</translation>
    </message>
    <message numerus="yes">
        <source> and %n more</source>
        <translation>
            <numerusform> и ещё %n</numerusform>
            <numerusform> и ещё %n</numerusform>
            <numerusform> и ещё %n</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Export</name>
    <message>
        <source>Unknown export format “{format}”.</source>
        <translation>Неизвестный формат выгрузки «{format}».</translation>
    </message>
    <message>
        <source>Choose one of: {formats}.</source>
        <translation>Выберите один из: {formats}.</translation>
    </message>
    <message>
        <source>Choose another file name for the export. Nothing was written.</source>
        <translation>Выберите для экспорта другое имя файла. Ничего не записано.</translation>
    </message>
    <message>
        <source>“{path}” is not a file name.</source>
        <translation>«{path}» — не имя файла.</translation>
    </message>
    <message>
        <source>{name} is the project itself or one of its own files: writing the export there would destroy the project.</source>
        <translation>{name} — это сам проект или один из его служебных файлов: экспорт на его месте уничтожил бы проект.</translation>
    </message>
    <message>
        <source>{path} cannot be checked: {reason}</source>
        <translation>Не удалось проверить {path}: {reason}</translation>
    </message>
    <message>
        <source>{path} is a folder, not a file.</source>
        <translation>{path} — это папка, а не файл.</translation>
    </message>
    <message>
        <source>{path} is not an ordinary file (a device or a pipe): an export is never written there.</source>
        <translation>{path} — не обычный файл (устройство или канал): экспорт туда не записывается.</translation>
    </message>
    <message>
        <source>{name} is a Natasha Studio project: writing the export there would destroy it.</source>
        <translation>{name} — проект Natasha Studio: экспорт на его месте уничтожил бы его.</translation>
    </message>
    <message>
        <source>{name} belongs to a Natasha Studio project: writing the export there would damage it.</source>
        <translation>{name} принадлежит проекту Natasha Studio: экспорт на его месте повредил бы проект.</translation>
    </message>
    <message>
        <source>{path} is inside Natasha Studio's own folders.</source>
        <translation>{path} находится в служебных папках Natasha Studio.</translation>
    </message>
    <message>
        <source>Choose a folder of your own, such as Documents. Nothing was written.</source>
        <translation>Выберите свою папку, например «Документы». Ничего не записано.</translation>
    </message>
    <message>
        <source>{name} is named twice: each part of the export needs its own file.</source>
        <translation>{name} указан дважды: каждой части экспорта нужен свой файл.</translation>
    </message>
    <message>
        <source>There is not enough free space to write {path}.</source>
        <translation>Недостаточно свободного места, чтобы записать {path}.</translation>
    </message>
    <message>
        <source>Free some space on the disk or choose another one. The earlier file, if any, was kept.</source>
        <translation>Освободите место на диске или выберите другой диск. Прежний файл, если он был, сохранён.</translation>
    </message>
    <message>
        <source>{path} cannot be written: the folder or the file is read-only.</source>
        <translation>Не удалось записать {path}: папка или файл доступны только для чтения.</translation>
    </message>
    <message>
        <source>Choose a folder you can write to, or change its permissions.</source>
        <translation>Выберите папку, в которую можно записывать, или измените её права доступа.</translation>
    </message>
    <message>
        <source>The file {path} cannot be written: {reason}</source>
        <translation>Не удаётся записать файл {path}: {reason}</translation>
    </message>
    <message>
        <source>Choose another folder, or check that the disk is not full.</source>
        <translation>Выберите другую папку или проверьте, не заполнен ли диск.</translation>
    </message>
    <message>
        <source>Writing {name}…</source>
        <translation>Записываем {name}…</translation>
    </message>
    <message>
        <source>Checking the files…</source>
        <translation>Проверяем файлы…</translation>
    </message>
    <message>
        <source>There are no prices for the provider {provider}.</source>
        <translation>Для провайдера {provider} нет цен.</translation>
    </message>
    <message>
        <source>The price table {path} cannot be read: {reason}</source>
        <translation>Не удаётся прочитать таблицу цен {path}: {reason}</translation>
    </message>
    <message>
        <source>Reinstall Natasha Studio to restore it.</source>
        <translation>Переустановите Natasha Studio, чтобы её восстановить.</translation>
    </message>
    <message>
        <source>free during Preview</source>
        <translation>бесплатно, пока обучение на стадии Preview</translation>
    </message>
    <message>
        <source>unknown (no published price for this model)</source>
        <translation>неизвестна (цена этой модели не опубликована)</translation>
    </message>
    <message>
        <source>≈ {cost} {currency}</source>
        <translation>≈ {cost} {currency}</translation>
    </message>
    <message>
        <source>The snapshot needs a name.</source>
        <translation>У снимка должно быть название.</translation>
    </message>
    <message>
        <source>A snapshot named “{name}” already exists.</source>
        <translation>Снимок с названием «{name}» уже есть.</translation>
    </message>
    <message>
        <source>Choose another name.</source>
        <translation>Выберите другое название.</translation>
    </message>
    <message>
        <source>The validation share must be from 0% to 99%.</source>
        <translation>Доля для проверки должна быть от 0% до 99%.</translation>
    </message>
    <message>
        <source>The number of held-out questions cannot be negative.</source>
        <translation>Число отложенных вопросов не может быть отрицательным.</translation>
    </message>
    <message>
        <source>Reading pairs…</source>
        <translation>Читаем пары…</translation>
    </message>
    <message>
        <source>No pairs match, so there is nothing to freeze.</source>
        <translation>Ни одна пара не подходит — замораживать нечего.</translation>
    </message>
    <message>
        <source>Approve some pairs on the Pairs tab, or change the filter.</source>
        <translation>Одобрите пары на вкладке «Пары» или измените фильтр.</translation>
    </message>
    <message>
        <source>{heldout} held-out questions would leave no pairs for training (the snapshot has {count}).</source>
        <translation>Если отложить {heldout} вопросов, для обучения не останется пар (в снимке их {count}).</translation>
    </message>
    <message>
        <source>Keep fewer questions out.</source>
        <translation>Отложите меньше вопросов.</translation>
    </message>
    <message>
        <source>Freezing pairs…</source>
        <translation>Замораживаем пары…</translation>
    </message>
    <message>
        <source>Snapshot of {date}</source>
        <translation>Снимок от {date}</translation>
    </message>
    <message>
        <source>There is no snapshot “{name}” in this project.</source>
        <translation>В этом проекте нет снимка «{name}».</translation>
    </message>
    <message>
        <source>Freeze a snapshot first, or pick one from the list.</source>
        <translation>Сначала заморозьте снимок или выберите его из списка.</translation>
    </message>
    <message>
        <source>Internal copy, not for training: it names the community's members and links to their messages. Keep it to yourself and never upload it.</source>
        <translation>Внутренняя копия, не для обучения: в ней названы участники сообщества и есть ссылки на их сообщения. Храните её у себя и никуда не загружайте.</translation>
    </message>
    <message>
        <source>A copy with real names is for reading only, never for training.</source>
        <translation>Копия с настоящими именами — только для чтения, не для обучения.</translation>
    </message>
    <message>
        <source>Choose CSV or JSON for it, or export without real names.</source>
        <translation>Выберите для неё формат CSV или JSON или экспортируйте без настоящих имён.</translation>
    </message>
    <message>
        <source>Speaker labels (the default): when a question merges a member's message with the one it replies to, each part is written as «Участник 1: …», «Участник 2: …», so the model sees two people, never their names.</source>
        <translation>Подписи участников (по умолчанию): если в вопросе соединены сообщение участника и сообщение, на которое он отвечает, каждая часть подписывается «Участник 1: …», «Участник 2: …» — модель видит двух людей, но не их имена.</translation>
    </message>
    <message>
        <source>Context: the question keeps only the last member's words, and what others wrote before it goes to the example's instructions as context.</source>
        <translation>Контекст: в вопросе остаются только слова последнего участника, а то, что другие написали перед ним, уходит в инструкцию примера как контекст.</translation>
    </message>
    <message>
        <source>Unknown way to write several speakers: {mode}.</source>
        <translation>Неизвестный способ записи нескольких участников: {mode}.</translation>
    </message>
    <message>
        <source>Choose one of: {modes}.</source>
        <translation>Выберите один из вариантов: {modes}.</translation>
    </message>
</context>
<context>
    <name>ExportCli</name>
    <message>
        <source>Froze snapshot “{name}”: {n} pairs (hash {hash}).</source>
        <translation>Заморожен снимок «{name}»: пар — {n} (хеш {hash}).</translation>
    </message>
    <message>
        <source>Using snapshot “{name}”: {n} pairs (hash {hash}).</source>
        <translation>Используется снимок «{name}»: пар — {n} (хеш {hash}).</translation>
    </message>
    <message>
        <source>Wrote {path}: {n} pairs ({parts}).</source>
        <translation>Записан {path}: пар — {n} ({parts}).</translation>
    </message>
    <message>
        <source>The file passes validation; run “validate” for tokens and cost.</source>
        <translation>Файл прошёл проверку; токены и стоимость покажет команда «validate».</translation>
    </message>
    <message>
        <source>The files just written hold it. Replace it with: natasha-studio privacy {path} --redact, then export again.</source>
        <translation>Они есть в только что записанных файлах. Замените их: natasha-studio privacy {path} --redact, затем экспортируйте снова.</translation>
    </message>
    <message>
        <source>No snapshots yet.</source>
        <translation>Снимков пока нет.</translation>
    </message>
    <message>
        <source>{name} — {n} pairs (train {train}, validation {valid}, held out {held}), {date}, hash {hash}</source>
        <translation>{name} — пар: {n} (обучение {train}, проверка {valid}, отложено {held}), {date}, хеш {hash}</translation>
    </message>
</context>
<context>
    <name>ExportDialog</name>
    <message>
        <source>Export “{name}”</source>
        <translation>Выгрузка «{name}»</translation>
    </message>
    <message>
        <source>Vertex AI (Gemini) JSONL</source>
        <translation>Vertex AI (Gemini), JSONL</translation>
    </message>
    <message>
        <source>OpenAI chat JSONL</source>
        <translation>OpenAI, чат в JSONL</translation>
    </message>
    <message>
        <source>Yandex AI Studio JSONL (request and response)</source>
        <translation>Yandex AI Studio JSONL (запрос и ответ)</translation>
    </message>
    <message>
        <source>Hugging Face messages JSONL (TRL, Unsloth, LLaMA-Factory)</source>
        <translation>Hugging Face, messages в JSONL (TRL, Unsloth, LLaMA-Factory)</translation>
    </message>
    <message>
        <source>CSV table (Excel, LibreOffice)</source>
        <translation>Таблица CSV (Excel, LibreOffice)</translation>
    </message>
    <message>
        <source>JSON with every detail</source>
        <translation>JSON со всеми подробностями</translation>
    </message>
    <message>
        <source>Format:</source>
        <translation>Формат:</translation>
    </message>
    <message>
        <source>Training part</source>
        <translation>Часть для обучения</translation>
    </message>
    <message>
        <source>Validation part</source>
        <translation>Часть для проверки</translation>
    </message>
    <message>
        <source>Held-out questions</source>
        <translation>Отложенные вопросы</translation>
    </message>
    <message>
        <source>Everything</source>
        <translation>Всё</translation>
    </message>
    <message>
        <source>Pairs:</source>
        <translation>Пары:</translation>
    </message>
    <message>
        <source>Train only the last answer of multi-turn pairs</source>
        <translation>В многоходовых парах обучать только последнему ответу</translation>
    </message>
    <message>
        <source>Earlier answers in the conversation stay as context but are not learned (OpenAI “weight: 0”).</source>
        <translation>Более ранние ответы остаются контекстом, но модель на них не учится (у OpenAI это «weight: 0»).</translation>
    </message>
    <message>
        <source>Label each member (Участник 1, Участник 2)</source>
        <translation>Подписать каждого участника (Участник 1, Участник 2)</translation>
    </message>
    <message>
        <source>Keep only the last member's words; the rest as context</source>
        <translation>Оставить слова последнего участника, остальное — как контекст</translation>
    </message>
    <message>
        <source>Several members in one question:</source>
        <translation>Несколько участников в одном вопросе:</translation>
    </message>
    <message>
        <source>Internal copy with real names and links (never for training)</source>
        <translation>Внутренняя копия с настоящими именами и ссылками (не для обучения)</translation>
    </message>
    <message>
        <source>Members are named by stable pseudonyms in every export. An internal copy keeps their real names and links to their messages, for your own reading: keep it to yourself and never upload it. Only for CSV and JSON.</source>
        <translation>Во всех экспортах участники названы постоянными псевдонимами. Внутренняя копия сохраняет их настоящие имена и ссылки на сообщения — только для вашего чтения: никому не передавайте и никуда не загружайте её. Только для CSV и JSON.</translation>
    </message>
    <message>
        <source>Choose…</source>
        <translation>Выбрать…</translation>
    </message>
    <message>
        <source>File:</source>
        <translation>Файл:</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>Выгрузить</translation>
    </message>
    <message>
        <source>Export to</source>
        <translation>Куда выгрузить</translation>
    </message>
</context>
<context>
    <name>FreezeDialog</name>
    <message>
        <source>Freeze a snapshot</source>
        <translation>Заморозить снимок</translation>
    </message>
    <message>
        <source>A snapshot keeps these pairs exactly as they are now. Later edits do not change it, so a fine-tune can always be traced back to its data.</source>
        <translation>Снимок сохраняет пары точно такими, какие они сейчас. Последующие правки его не меняют, поэтому всегда можно узнать, на каких данных обучалась модель.</translation>
    </message>
    <message>
        <source>Name:</source>
        <translation>Название:</translation>
    </message>
    <message>
        <source>What is special about this version (optional)</source>
        <translation>Чем особенна эта версия (необязательно)</translation>
    </message>
    <message>
        <source>Note:</source>
        <translation>Заметка:</translation>
    </message>
    <message>
        <source>Pairs:</source>
        <translation>Пары:</translation>
    </message>
    <message>
        <source>Only the chat and topic chosen on the Statistics tab</source>
        <translation>Только чат и тема, выбранные на вкладке «Статистика»</translation>
    </message>
    <message>
        <source>Validation share:</source>
        <translation>Доля для проверки:</translation>
    </message>
    <message>
        <source>Held-out questions:</source>
        <translation>Отложенные вопросы:</translation>
    </message>
    <message>
        <source>Split seed:</source>
        <translation>Число для разбиения:</translation>
    </message>
    <message>
        <source>Freeze</source>
        <translation>Заморозить</translation>
    </message>
    <message>
        <source>Give the snapshot a name.</source>
        <translation>Дайте снимку название.</translation>
    </message>
</context>
<context>
    <name>PreflightDialog</name>
    <message>
        <source>Check “{name}” before a fine-tune</source>
        <translation>Проверка «{name}» перед обучением</translation>
    </message>
    <message>
        <source>Vertex AI (Gemini)</source>
        <translation>Vertex AI (Gemini)</translation>
    </message>
    <message>
        <source>OpenAI</source>
        <translation>OpenAI</translation>
    </message>
    <message>
        <source>Yandex AI Studio (YandexGPT Lite)</source>
        <translation>Yandex AI Studio (YandexGPT Lite)</translation>
    </message>
    <message>
        <source>Provider:</source>
        <translation>Провайдер:</translation>
    </message>
    <message>
        <source>Any model name the provider accepts; the list shows the ones with a known price.</source>
        <translation>Любое название модели, которое принимает провайдер; в списке — модели с известной ценой.</translation>
    </message>
    <message>
        <source>Base model:</source>
        <translation>Базовая модель:</translation>
    </message>
    <message>
        <source>automatic</source>
        <translation>автоматически</translation>
    </message>
    <message>
        <source>Epochs:</source>
        <translation>Эпохи:</translation>
    </message>
    <message>
        <source>Check</source>
        <translation>Проверить</translation>
    </message>
    <message>
        <source>The check writes the files the provider would get, validates them, counts tokens and estimates the cost.</source>
        <translation>Проверка запишет файлы, которые получит провайдер, проверит их, посчитает токены и оценит стоимость.</translation>
    </message>
    <message>
        <source>Prices of {date}: check the provider's price page before large runs.</source>
        <translation>Цены на {date}: перед большим обучением сверьтесь со страницей цен провайдера.</translation>
    </message>
    <message>
        <source>Checking…</source>
        <translation>Проверяем…</translation>
    </message>
    <message>
        <source>Checking a snapshot</source>
        <translation>Проверка снимка</translation>
    </message>
    <message>
        <source>The check did not finish.</source>
        <translation>Проверка не завершилась.</translation>
    </message>
    <message>
        <source>✔ The provider should accept these files.</source>
        <translation>✔ Провайдер должен принять эти файлы.</translation>
    </message>
    <message numerus="yes">
        <source>✖ The provider would reject these files: %n errors.</source>
        <translation>
            <numerusform>✖ Провайдер не примет эти файлы: %n ошибка.</numerusform>
            <numerusform>✖ Провайдер не примет эти файлы: %n ошибки.</numerusform>
            <numerusform>✖ Провайдер не примет эти файлы: %n ошибок.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SnapshotsDialog</name>
    <message>
        <source>Snapshots</source>
        <translation>Снимки</translation>
    </message>
    <message>
        <source>Freeze the pairs before a fine-tune: the snapshot keeps them as they are, with the system prompt and the train/validation split. Select two snapshots to compare them.</source>
        <translation>Перед обучением заморозьте пары: снимок сохранит их как есть вместе с системным промптом и разбиением на обучение и проверку. Выделите два снимка, чтобы сравнить их.</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Название</translation>
    </message>
    <message>
        <source>Frozen</source>
        <translation>Заморожен</translation>
    </message>
    <message>
        <source>Pairs</source>
        <translation>Пары</translation>
    </message>
    <message>
        <source>Training</source>
        <translation>Обучение</translation>
    </message>
    <message>
        <source>Validation</source>
        <translation>Проверка</translation>
    </message>
    <message>
        <source>Held out</source>
        <translation>Отложено</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Заметка</translation>
    </message>
    <message>
        <source>No snapshots yet. Press “Freeze…” to make the first one.</source>
        <translation>Снимков пока нет. Нажмите «Заморозить…», чтобы сделать первый.</translation>
    </message>
    <message>
        <source>Freeze…</source>
        <translation>Заморозить…</translation>
    </message>
    <message>
        <source>Export…</source>
        <translation>Выгрузить…</translation>
    </message>
    <message>
        <source>Check for a fine-tune…</source>
        <translation>Проверить для обучения…</translation>
    </message>
    <message>
        <source>Validate the files a provider would get, count tokens and estimate the cost.</source>
        <translation>Проверить файлы, которые получит провайдер, посчитать токены и оценить стоимость.</translation>
    </message>
    <message>
        <source>Compare</source>
        <translation>Сравнить</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Удалить</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Закрыть</translation>
    </message>
    <message>
        <source>Content hash: {hash}</source>
        <translation>Хеш содержимого: {hash}</translation>
    </message>
    <message>
        <source>v{n}</source>
        <translation>v{n}</translation>
    </message>
    <message>
        <source>Freezing “{name}”…</source>
        <translation>Замораживаем «{name}»…</translation>
    </message>
    <message>
        <source>Freezing a snapshot</source>
        <translation>Заморозка снимка</translation>
    </message>
    <message>
        <source>Snapshot frozen.</source>
        <translation>Снимок заморожен.</translation>
    </message>
    <message>
        <source>Writing {path}…</source>
        <translation>Записываем {path}…</translation>
    </message>
    <message>
        <source>Exporting a snapshot</source>
        <translation>Выгрузка снимка</translation>
    </message>
    <message>
        <source>Exported {name}</source>
        <translation>Выгружено: {name}</translation>
    </message>
    <message>
        <source>Exported to {path}</source>
        <translation>Выгружено в {path}</translation>
    </message>
    <message>
        <source>{name}: {summary} Replace it on the Pairs tab (Personal data), then freeze a new snapshot and export it.</source>
        <translation>{name}: {summary} Замените их на вкладке «Пары» («Личные данные»), затем заморозьте новый снимок и экспортируйте его.</translation>
    </message>
    <message>
        <source>Comparing…</source>
        <translation>Сравниваем…</translation>
    </message>
    <message>
        <source>Comparing snapshots</source>
        <translation>Сравнение снимков</translation>
    </message>
    <message>
        <source>Delete snapshot</source>
        <translation>Удалить снимок</translation>
    </message>
    <message>
        <source>Delete the snapshot “{name}”? Fine-tune jobs made from it keep their results, but its frozen pairs are gone.</source>
        <translation>Удалить снимок «{name}»? Обучения, сделанные по нему, сохранят свои результаты, но замороженные пары пропадут.</translation>
    </message>
</context>
<context>
    <name>StatisticsReport</name>
    <message>
        <source>Figures</source>
        <translation>Показатели</translation>
    </message>
    <message>
        <source>Pairs by status</source>
        <translation>Пары по статусам</translation>
    </message>
    <message>
        <source>Charts</source>
        <translation>Графики</translation>
    </message>
</context>
<context>
    <name>StatisticsTab</name>
    <message>
        <source>Statistics</source>
        <translation>Статистика</translation>
    </message>
    <message>
        <source>Open or create a project to see what its dataset is made of: where the pairs come from, their topics and lengths, and who asks the most.</source>
        <translation>Откройте или создайте проект, чтобы увидеть, из чего состоит набор данных: откуда пары, какие у них темы и длина, кто спрашивает больше всех.</translation>
    </message>
    <message>
        <source>No pairs yet</source>
        <translation>Пар пока нет</translation>
    </message>
    <message>
        <source>Import chats on the Sources tab and extract pairs; their statistics appear here.</source>
        <translation>Загрузите чаты на вкладке «Источники» и извлеките пары — их статистика появится здесь.</translation>
    </message>
    <message>
        <source>Go to Sources</source>
        <translation>Перейти к источникам</translation>
    </message>
    <message>
        <source>All statuses</source>
        <translation>Все статусы</translation>
    </message>
    <message>
        <source>Status:</source>
        <translation>Статус:</translation>
    </message>
    <message>
        <source>Chat:</source>
        <translation>Чат:</translation>
    </message>
    <message>
        <source>Topic:</source>
        <translation>Тема:</translation>
    </message>
    <message>
        <source>Counting…</source>
        <translation>Считаем…</translation>
    </message>
    <message>
        <source>Snapshots…</source>
        <translation>Снимки…</translation>
    </message>
    <message>
        <source>Freeze the pairs for a fine-tune, export them, or compare two snapshots.</source>
        <translation>Заморозить пары для обучения, выгрузить их или сравнить два снимка.</translation>
    </message>
    <message>
        <source>Save report…</source>
        <translation>Сохранить отчёт…</translation>
    </message>
    <message>
        <source>Save this page with every chart as one HTML file.</source>
        <translation>Сохранить эту страницу со всеми графиками в один HTML-файл.</translation>
    </message>
    <message>
        <source>Pairs per chat</source>
        <translation>Пары по чатам</translation>
    </message>
    <message>
        <source>Topics</source>
        <translation>Темы</translation>
    </message>
    <message>
        <source>Question length, characters</source>
        <translation>Длина вопроса, символов</translation>
    </message>
    <message>
        <source>Answer length, characters</source>
        <translation>Длина ответа, символов</translation>
    </message>
    <message>
        <source>Pairs per month</source>
        <translation>Пары по месяцам</translation>
    </message>
    <message>
        <source>Quality score</source>
        <translation>Оценка качества</translation>
    </message>
    <message>
        <source>Most active members</source>
        <translation>Самые активные участники</translation>
    </message>
    <message>
        <source>Refresh statistics</source>
        <translation>Обновить статистику</translation>
    </message>
    <message>
        <source>Save statistics report…</source>
        <translation>Сохранить отчёт по статистике…</translation>
    </message>
    <message>
        <source>Counting statistics</source>
        <translation>Подсчёт статистики</translation>
    </message>
    <message>
        <source>All chats</source>
        <translation>Все чаты</translation>
    </message>
    <message>
        <source>All topics</source>
        <translation>Все темы</translation>
    </message>
    <message>
        <source>Pairs by status — </source>
        <translation>Пары по статусам — </translation>
    </message>
    <message numerus="yes">
        <source>Tokens are measured on a random sample of %n pairs.</source>
        <translation>
            <numerusform>Токены посчитаны на случайной выборке из %n пары.</numerusform>
            <numerusform>Токены посчитаны на случайной выборке из %n пар.</numerusform>
            <numerusform>Токены посчитаны на случайной выборке из %n пар.</numerusform>
        </translation>
    </message>
    <message>
        <source>(estimate from prices of {date}; the Fine-tune tab counts exactly)</source>
        <translation>(оценка по ценам на {date}; точный расчёт — на вкладке «Обучение»)</translation>
    </message>
    <message>
        <source>No topics are assigned to these pairs.</source>
        <translation>У этих пар нет тем.</translation>
    </message>
    <message>
        <source>Each bar is {width} characters wide; the last one also holds the longest 1%.</source>
        <translation>Каждый столбец — {width} символов; в последний попадает и самый длинный 1%.</translation>
    </message>
    <message numerus="yes">
        <source>%n pairs have no score.</source>
        <translation>
            <numerusform>У %n пары нет оценки.</numerusform>
            <numerusform>У %n пар нет оценки.</numerusform>
            <numerusform>У %n пар нет оценки.</numerusform>
        </translation>
    </message>
    <message>
        <source>Everyone else</source>
        <translation>Все остальные</translation>
    </message>
    <message>
        <source>{name} asked {share:.0%} of the questions.</source>
        <translation>{name} задаёт {share:.0%} всех вопросов.</translation>
    </message>
    <message>
        <source>One member this large can make the model answer mostly them.</source>
        <translation>Если один участник так заметен, модель может научиться отвечать в основном ему.</translation>
    </message>
    <message>
        <source>Save chart</source>
        <translation>Сохранить график</translation>
    </message>
    <message>
        <source>PNG pictures (*.png)</source>
        <translation>Картинки PNG (*.png)</translation>
    </message>
    <message>
        <source>The picture could not be saved to {path}. Choose another folder.</source>
        <translation>Не удалось сохранить картинку в {path}. Выберите другую папку.</translation>
    </message>
    <message>
        <source>Saved {path}</source>
        <translation>Сохранено: {path}</translation>
    </message>
    <message>
        <source>Save report</source>
        <translation>Сохранить отчёт</translation>
    </message>
    <message>
        <source>Web pages (*.html)</source>
        <translation>Веб-страницы (*.html)</translation>
    </message>
    <message>
        <source>Statistics of {name}</source>
        <translation>Статистика: {name}</translation>
    </message>
    <message>
        <source>The report could not be saved to {path}: {reason}</source>
        <translation>Не удалось сохранить отчёт в {path}: {reason}</translation>
    </message>
</context>
<context>
    <name>StatisticsTexts</name>
    <message>
        <source>Messages</source>
        <translation>Сообщения</translation>
    </message>
    <message>
        <source>Chats</source>
        <translation>Чаты</translation>
    </message>
    <message>
        <source>Participants</source>
        <translation>Участники</translation>
    </message>
    <message>
        <source>Pairs</source>
        <translation>Пары</translation>
    </message>
    <message>
        <source>For training</source>
        <translation>Для обучения</translation>
    </message>
    <message>
        <source>For validation</source>
        <translation>Для проверки</translation>
    </message>
    <message>
        <source>Held-out questions</source>
        <translation>Отложенные вопросы</translation>
    </message>
    <message>
        <source>Approved</source>
        <translation>Одобрено</translation>
    </message>
    <message>
        <source>Edited by hand</source>
        <translation>Исправлено вручную</translation>
    </message>
    <message>
        <source>Chats with pairs</source>
        <translation>Чатов с парами</translation>
    </message>
    <message>
        <source>Members who asked</source>
        <translation>Спрашивавших участников</translation>
    </message>
    <message>
        <source>Topics</source>
        <translation>Темы</translation>
    </message>
    <message>
        <source>Question, characters (average)</source>
        <translation>Вопрос, символов (в среднем)</translation>
    </message>
    <message>
        <source>Question, characters (median)</source>
        <translation>Вопрос, символов (медиана)</translation>
    </message>
    <message>
        <source>Answer, characters (average)</source>
        <translation>Ответ, символов (в среднем)</translation>
    </message>
    <message>
        <source>Answer, characters (median)</source>
        <translation>Ответ, символов (медиана)</translation>
    </message>
    <message>
        <source>Question, tokens (average)</source>
        <translation>Вопрос, токенов (в среднем)</translation>
    </message>
    <message>
        <source>Question, tokens (median)</source>
        <translation>Вопрос, токенов (медиана)</translation>
    </message>
    <message>
        <source>Answer, tokens (average)</source>
        <translation>Ответ, токенов (в среднем)</translation>
    </message>
    <message>
        <source>Answer, tokens (median)</source>
        <translation>Ответ, токенов (медиана)</translation>
    </message>
    <message>
        <source>First answer</source>
        <translation>Первый ответ</translation>
    </message>
    <message>
        <source>Last answer</source>
        <translation>Последний ответ</translation>
    </message>
    <message>
        <source>New</source>
        <translation>Новые</translation>
    </message>
    <message>
        <source>Rejected</source>
        <translation>Отклонено</translation>
    </message>
    <message>
        <source>Needs work</source>
        <translation>Нужна доработка</translation>
    </message>
    <message>
        <source>{provider}, {model}</source>
        <translation>{provider}, {model}</translation>
    </message>
    <message>
        <source>{who}: training free during Preview.</source>
        <translation>{who}: обучение бесплатно, пока идёт Preview.</translation>
    </message>
    <message numerus="yes">
        <source>{who}: ≈ {cost} {currency} for %n epoch(s).</source>
        <translation>
            <numerusform>{who}: ≈ {cost} {currency} за %n эпоху.</numerusform>
            <numerusform>{who}: ≈ {cost} {currency} за %n эпохи.</numerusform>
            <numerusform>{who}: ≈ {cost} {currency} за %n эпох.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Validation</name>
    <message>
        <source>The file {path} cannot be read: {reason}</source>
        <translation>Не удаётся прочитать файл {path}: {reason}</translation>
    </message>
    <message>
        <source>Check the file name and try again.</source>
        <translation>Проверьте имя файла и попробуйте ещё раз.</translation>
    </message>
    <message>
        <source>Files in the format “{format}” cannot be validated.</source>
        <translation>Файлы в формате «{format}» проверить нельзя.</translation>
    </message>
    <message>
        <source>Validate an OpenAI, Vertex AI, Yandex AI Studio, Together AI or Fireworks AI file.</source>
        <translation>Проверять можно файлы OpenAI, Vertex AI, Yandex AI Studio, Together AI или Fireworks AI.</translation>
    </message>
    <message numerus="yes">
        <source>%n lines are not valid JSON.</source>
        <translation>
            <numerusform>%n строка — не JSON.</numerusform>
            <numerusform>%n строки — не JSON.</numerusform>
            <numerusform>%n строк — не JSON.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n examples are not JSON objects.</source>
        <translation>
            <numerusform>%n пример — не объект JSON.</numerusform>
            <numerusform>%n примера — не объекты JSON.</numerusform>
            <numerusform>%n примеров — не объекты JSON.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n examples have keys the provider does not know.</source>
        <translation>
            <numerusform>В %n примере есть ключи, которых провайдер не знает.</numerusform>
            <numerusform>В %n примерах есть ключи, которых провайдер не знает.</numerusform>
            <numerusform>В %n примерах есть ключи, которых провайдер не знает.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n examples have no “messages” list, or it is empty.</source>
        <translation>
            <numerusform>В %n примере нет списка «messages» или он пуст.</numerusform>
            <numerusform>В %n примерах нет списка «messages» или он пуст.</numerusform>
            <numerusform>В %n примерах нет списка «messages» или он пуст.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n examples have a message that is not a JSON object.</source>
        <translation>
            <numerusform>В %n примере есть сообщение, которое не является объектом JSON.</numerusform>
            <numerusform>В %n примерах есть сообщение, которое не является объектом JSON.</numerusform>
            <numerusform>В %n примерах есть сообщение, которое не является объектом JSON.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n examples have a message without a role or content.</source>
        <translation>
            <numerusform>В %n примере есть сообщение без роли или текста.</numerusform>
            <numerusform>В %n примерах есть сообщение без роли или текста.</numerusform>
            <numerusform>В %n примерах есть сообщение без роли или текста.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n examples have a message with an unknown key.</source>
        <translation>
            <numerusform>В %n примере есть сообщение с неизвестным ключом.</numerusform>
            <numerusform>В %n примерах есть сообщение с неизвестным ключом.</numerusform>
            <numerusform>В %n примерах есть сообщение с неизвестным ключом.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n examples have a message with an unknown role.</source>
        <translation>
            <numerusform>В %n примере есть сообщение с неизвестной ролью.</numerusform>
            <numerusform>В %n примерах есть сообщение с неизвестной ролью.</numerusform>
            <numerusform>В %n примерах есть сообщение с неизвестной ролью.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n examples have a message with empty or non-text content.</source>
        <translation>
            <numerusform>В %n примере есть сообщение с пустым или нетекстовым содержимым.</numerusform>
            <numerusform>В %n примерах есть сообщение с пустым или нетекстовым содержимым.</numerusform>
            <numerusform>В %n примерах есть сообщение с пустым или нетекстовым содержимым.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n examples have a “weight” that is not 0 or 1 on an assistant message.</source>
        <translation>
            <numerusform>В %n примере у ответа ассистента «weight» не 0 и не 1.</numerusform>
            <numerusform>В %n примерах у ответа ассистента «weight» не 0 и не 1.</numerusform>
            <numerusform>В %n примерах у ответа ассистента «weight» не 0 и не 1.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n examples have no answer of the persona (assistant message).</source>
        <translation>
            <numerusform>В %n примере нет ответа персонажа (сообщения assistant).</numerusform>
            <numerusform>В %n примерах нет ответа персонажа (сообщения assistant).</numerusform>
            <numerusform>В %n примерах нет ответа персонажа (сообщения assistant).</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n examples have every answer switched off (weight 0), so they teach nothing.</source>
        <translation>
            <numerusform>В %n примере все ответы выключены (weight 0), так что он ничему не учит.</numerusform>
            <numerusform>В %n примерах все ответы выключены (weight 0), так что они ничему не учат.</numerusform>
            <numerusform>В %n примерах все ответы выключены (weight 0), так что они ничему не учат.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n examples have a malformed system instruction.</source>
        <translation>
            <numerusform>В %n примере неправильная системная инструкция.</numerusform>
            <numerusform>В %n примерах неправильная системная инструкция.</numerusform>
            <numerusform>В %n примерах неправильная системная инструкция.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n examples have no “contents” list, or it is empty.</source>
        <translation>
            <numerusform>В %n примере нет списка «contents» или он пуст.</numerusform>
            <numerusform>В %n примерах нет списка «contents» или он пуст.</numerusform>
            <numerusform>В %n примерах нет списка «contents» или он пуст.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n examples have a turn without a role or parts.</source>
        <translation>
            <numerusform>В %n примере есть реплика без роли или частей.</numerusform>
            <numerusform>В %n примерах есть реплика без роли или частей.</numerusform>
            <numerusform>В %n примерах есть реплика без роли или частей.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n examples have an empty text part.</source>
        <translation>
            <numerusform>В %n примере есть пустая часть текста.</numerusform>
            <numerusform>В %n примерах есть пустая часть текста.</numerusform>
            <numerusform>В %n примерах есть пустая часть текста.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n examples do not start with a member's message (role “user”).</source>
        <translation>
            <numerusform>%n пример начинается не с сообщения участника (роль «user»).</numerusform>
            <numerusform>%n примера начинаются не с сообщения участника (роль «user»).</numerusform>
            <numerusform>%n примеров начинаются не с сообщения участника (роль «user»).</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n examples have two turns in a row from the same side.</source>
        <translation>
            <numerusform>В %n примере две реплики подряд от одной стороны.</numerusform>
            <numerusform>В %n примерах две реплики подряд от одной стороны.</numerusform>
            <numerusform>В %n примерах две реплики подряд от одной стороны.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n examples have no answer of the persona (role “model”).</source>
        <translation>
            <numerusform>В %n примере нет ответа персонажа (роль «model»).</numerusform>
            <numerusform>В %n примерах нет ответа персонажа (роль «model»).</numerusform>
            <numerusform>В %n примерах нет ответа персонажа (роль «model»).</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n examples do not end with the persona's answer.</source>
        <translation>
            <numerusform>%n пример заканчивается не ответом персонажа.</numerusform>
            <numerusform>%n примера заканчиваются не ответом персонажа.</numerusform>
            <numerusform>%n примеров заканчиваются не ответом персонажа.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n examples are longer than the model's limit per example.</source>
        <translation>
            <numerusform>%n пример длиннее предела модели для одного примера.</numerusform>
            <numerusform>%n примера длиннее предела модели для одного примера.</numerusform>
            <numerusform>%n примеров длиннее предела модели для одного примера.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n examples are longer than the model's limit and will be cut from the end.</source>
        <translation>
            <numerusform>%n пример длиннее предела модели, его конец будет обрезан.</numerusform>
            <numerusform>%n примера длиннее предела модели, их конец будет обрезан.</numerusform>
            <numerusform>%n примеров длиннее предела модели, их конец будет обрезан.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n examples have no system prompt.</source>
        <translation>
            <numerusform>В %n примере нет системного промпта.</numerusform>
            <numerusform>В %n примерах нет системного промпта.</numerusform>
            <numerusform>В %n примерах нет системного промпта.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n examples have no “request” list, or it is empty.</source>
        <translation>
            <numerusform>В %n примере нет списка «request» или он пуст.</numerusform>
            <numerusform>В %n примерах нет списка «request» или он пуст.</numerusform>
            <numerusform>В %n примерах нет списка «request» или он пуст.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n examples have no “response” with the persona's answer, or it is empty.</source>
        <translation>
            <numerusform>В %n примере нет поля «response» с ответом персонажа или оно пустое.</numerusform>
            <numerusform>В %n примерах нет поля «response» с ответом персонажа или оно пустое.</numerusform>
            <numerusform>В %n примерах нет поля «response» с ответом персонажа или оно пустое.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n examples have a request turn that is not an object with “role” and “text”.</source>
        <translation>
            <numerusform>В %n примере есть реплика запроса, которая не является объектом с «role» и «text».</numerusform>
            <numerusform>В %n примерах есть реплика запроса, которая не является объектом с «role» и «text».</numerusform>
            <numerusform>В %n примерах есть реплика запроса, которая не является объектом с «role» и «text».</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n examples have a turn with empty text.</source>
        <translation>
            <numerusform>В %n примере есть реплика с пустым текстом.</numerusform>
            <numerusform>В %n примерах есть реплика с пустым текстом.</numerusform>
            <numerusform>В %n примерах есть реплика с пустым текстом.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n examples have request turns out of order: after the system prompt, the member and the persona must take turns, starting and ending with the member.</source>
        <translation>
            <numerusform>В %n примере реплики запроса идут не по порядку: после системного промпта участник и персонаж должны говорить по очереди, начиная и заканчивая участником.</numerusform>
            <numerusform>В %n примерах реплики запроса идут не по порядку: после системного промпта участник и персонаж должны говорить по очереди, начиная и заканчивая участником.</numerusform>
            <numerusform>В %n примерах реплики запроса идут не по порядку: после системного промпта участник и персонаж должны говорить по очереди, начиная и заканчивая участником.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n examples have no system prompt, which Yandex needs in every example and later in chat.</source>
        <translation>
            <numerusform>В %n примере нет системного промпта, а Яндексу он нужен в каждом примере и потом в чате.</numerusform>
            <numerusform>В %n примерах нет системного промпта, а Яндексу он нужен в каждом примере и потом в чате.</numerusform>
            <numerusform>В %n примерах нет системного промпта, а Яндексу он нужен в каждом примере и потом в чате.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n examples have a system prompt different from the others.</source>
        <translation>
            <numerusform>В %n примере системный промпт не такой, как в остальных.</numerusform>
            <numerusform>В %n примерах системный промпт не такой, как в остальных.</numerusform>
            <numerusform>В %n примерах системный промпт не такой, как в остальных.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n examples have a request (system prompt, context and question) over 8,000 tokens, Yandex's limit.</source>
        <translation>
            <numerusform>В %n примере запрос (системный промпт, контекст и вопрос) длиннее 8 000 токенов — предела Яндекса.</numerusform>
            <numerusform>В %n примерах запрос (системный промпт, контекст и вопрос) длиннее 8 000 токенов — предела Яндекса.</numerusform>
            <numerusform>В %n примерах запрос (системный промпт, контекст и вопрос) длиннее 8 000 токенов — предела Яндекса.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n examples have an answer over 2,000 tokens, Yandex's limit.</source>
        <translation>
            <numerusform>В %n примере ответ длиннее 2 000 токенов — предела Яндекса.</numerusform>
            <numerusform>В %n примерах ответ длиннее 2 000 токенов — предела Яндекса.</numerusform>
            <numerusform>В %n примерах ответ длиннее 2 000 токенов — предела Яндекса.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n examples have a request and an answer over 8,000 tokens together, Yandex's limit.</source>
        <translation>
            <numerusform>В %n примере запрос и ответ вместе длиннее 8 000 токенов — предела Яндекса.</numerusform>
            <numerusform>В %n примерах запрос и ответ вместе длиннее 8 000 токенов — предела Яндекса.</numerusform>
            <numerusform>В %n примерах запрос и ответ вместе длиннее 8 000 токенов — предела Яндекса.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n examples are close to Yandex's token limits; as the counts are estimates, Yandex may find them too long.</source>
        <translation>
            <numerusform>%n пример близок к пределам Яндекса по токенам; токены посчитаны приблизительно, и Яндекс может счесть его слишком длинным.</numerusform>
            <numerusform>%n примера близки к пределам Яндекса по токенам; токены посчитаны приблизительно, и Яндекс может счесть их слишком длинными.</numerusform>
            <numerusform>%n примеров близки к пределам Яндекса по токенам; токены посчитаны приблизительно, и Яндекс может счесть их слишком длинными.</numerusform>
        </translation>
    </message>
    <message>
        <source>The file has no examples.</source>
        <translation>В файле нет ни одного примера.</translation>
    </message>
    <message numerus="yes">
        <source>Only %n examples: the provider needs more to start a fine-tune.</source>
        <translation>
            <numerusform>Всего %n пример: провайдеру нужно больше, чтобы начать обучение.</numerusform>
            <numerusform>Всего %n примера: провайдеру нужно больше, чтобы начать обучение.</numerusform>
            <numerusform>Всего %n примеров: провайдеру нужно больше, чтобы начать обучение.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Only %n examples: results are usually better with more.</source>
        <translation>
            <numerusform>Всего %n пример: обычно с большим числом результат лучше.</numerusform>
            <numerusform>Всего %n примера: обычно с большим числом результат лучше.</numerusform>
            <numerusform>Всего %n примеров: обычно с большим числом результат лучше.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n examples are more than the provider accepts in one file.</source>
        <translation>
            <numerusform>%n пример — больше, чем провайдер принимает в одном файле.</numerusform>
            <numerusform>%n примера — больше, чем провайдер принимает в одном файле.</numerusform>
            <numerusform>%n примеров — больше, чем провайдер принимает в одном файле.</numerusform>
        </translation>
    </message>
    <message>
        <source>The file is larger than the provider accepts.</source>
        <translation>Файл больше, чем принимает провайдер.</translation>
    </message>
    <message>
        <source>The validation set is empty.</source>
        <translation>Набор для проверки пуст.</translation>
    </message>
    <message numerus="yes">
        <source>The validation set has only %n examples, so its loss will say little.</source>
        <translation>
            <numerusform>В наборе для проверки всего %n пример — его потери (loss) мало что покажут.</numerusform>
            <numerusform>В наборе для проверки всего %n примера — его потери (loss) мало что покажут.</numerusform>
            <numerusform>В наборе для проверки всего %n примеров — его потери (loss) мало что покажут.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>The validation set has %n examples, more than the provider accepts.</source>
        <translation>
            <numerusform>В наборе для проверки %n пример — больше, чем принимает провайдер.</numerusform>
            <numerusform>В наборе для проверки %n примера — больше, чем принимает провайдер.</numerusform>
            <numerusform>В наборе для проверки %n примеров — больше, чем принимает провайдер.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n examples of the validation file have errors.</source>
        <translation>
            <numerusform>В %n примере файла для проверки есть ошибки.</numerusform>
            <numerusform>В %n примерах файла для проверки есть ошибки.</numerusform>
            <numerusform>В %n примерах файла для проверки есть ошибки.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n pairs still contain personal data (names, phone numbers, e-mails…).</source>
        <translation>
            <numerusform>В %n паре остались личные данные (имена, телефоны, адреса почты…).</numerusform>
            <numerusform>В %n парах остались личные данные (имена, телефоны, адреса почты…).</numerusform>
            <numerusform>В %n парах остались личные данные (имена, телефоны, адреса почты…).</numerusform>
        </translation>
    </message>
    <message>
        <source>Approve more pairs, then freeze a new snapshot.</source>
        <translation>Одобрите больше пар и заморозьте новый снимок.</translation>
    </message>
    <message>
        <source>Approve more pairs if you have them.</source>
        <translation>Одобрите больше пар, если они есть.</translation>
    </message>
    <message>
        <source>Shorten or split the longest pairs.</source>
        <translation>Сократите или разделите самые длинные пары.</translation>
    </message>
    <message numerus="yes">
        <source>%n examples have no member's message with text, so they teach an answer to nothing.</source>
        <translation>
            <numerusform>В %n примере нет сообщения участника с текстом: такой пример учит отвечать ни на что.</numerusform>
            <numerusform>В %n примерах нет сообщения участника с текстом: такие примеры учат отвечать ни на что.</numerusform>
            <numerusform>В %n примерах нет сообщения участника с текстом: такие примеры учат отвечать ни на что.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n examples do not end with the persona's answer (role “assistant”).</source>
        <translation>
            <numerusform>%n пример не заканчивается ответом персоны (роль «assistant»).</numerusform>
            <numerusform>%n примера не заканчиваются ответом персоны (роль «assistant»).</numerusform>
            <numerusform>%n примеров не заканчиваются ответом персоны (роль «assistant»).</numerusform>
        </translation>
    </message>
    <message>
        <source>Freeze the snapshot with a validation share above 0%.</source>
        <translation>Заморозьте снимок с долей для проверки больше 0%.</translation>
    </message>
    <message>
        <source>Raise the validation share when freezing the snapshot.</source>
        <translation>Увеличьте долю для проверки, когда будете замораживать снимок.</translation>
    </message>
    <message>
        <source>Open the Pairs tab and redact them before training.</source>
        <translation>Откройте вкладку «Пары» и скройте их перед обучением.</translation>
    </message>
    <message>
        <source>Export again from Natasha Studio, which leaves out pairs without a question, or give these pairs a question (for a photo, describe it in words).</source>
        <translation>Экспортируйте файл заново из Natasha Studio — пары без вопроса в него не попадут — или добавьте этим парам вопрос (для фотографии опишите её словами).</translation>
    </message>
    <message>
        <source>Set the system prompt in the project settings.</source>
        <translation>Задайте системный промпт в настройках проекта.</translation>
    </message>
    <message>
        <source>Set the system prompt in the project settings, then freeze a new snapshot.</source>
        <translation>Задайте системный промпт в настройках проекта, затем заморозьте новый снимок.</translation>
    </message>
    <message>
        <source>Yandex advises one system prompt for every example and for chat: clear the pairs' own prompts, then freeze a new snapshot.</source>
        <translation>Яндекс советует один системный промпт для всех примеров и для чата: уберите собственные промпты у пар, затем заморозьте новый снимок.</translation>
    </message>
    <message>
        <source>Shorten the longest pairs to be safe, or try the upload as it is.</source>
        <translation>Для надёжности сократите самые длинные пары или попробуйте загрузить как есть.</translation>
    </message>
    <message>
        <source>Freeze a smaller snapshot.</source>
        <translation>Заморозьте снимок поменьше.</translation>
    </message>
    <message>
        <source>File: {path}</source>
        <translation>Файл: {path}</translation>
    </message>
    <message>
        <source>Format: {format}, model: {model}</source>
        <translation>Формат: {format}, модель: {model}</translation>
    </message>
    <message>
        <source>Examples: {n}</source>
        <translation>Примеров: {n}</translation>
    </message>
    <message>
        <source>Errors (the provider would reject the file):</source>
        <translation>Ошибки (провайдер не примет файл):</translation>
    </message>
    <message>
        <source> (lines {lines})</source>
        <translation> (строки {lines})</translation>
    </message>
    <message>
        <source>Warnings:</source>
        <translation>Предупреждения:</translation>
    </message>
    <message>
        <source>✔ No errors: the provider should accept the file.</source>
        <translation>✔ Ошибок нет: провайдер должен принять файл.</translation>
    </message>
    <message>
        <source>Tokens (estimated with {tokenizer}: YandexGPT's own tokenizer is not available offline, so Yandex may count a little differently):</source>
        <translation>Токены (оценка по {tokenizer}: собственный токенизатор YandexGPT без интернета недоступен, поэтому Яндекс может насчитать немного иначе):</translation>
    </message>
    <message>
        <source>Tokens (estimated with {tokenizer}; the open model's own tokenizer counts somewhat differently):</source>
        <translation>Токены (оценка по {tokenizer}; собственный токенизатор открытой модели считает немного иначе):</translation>
    </message>
    <message>
        <source>Tokens (estimated with {tokenizer}; Gemini counts differently):</source>
        <translation>Токены (оценка по {tokenizer}; Gemini считает по-своему):</translation>
    </message>
    <message>
        <source>Tokens ({tokenizer}):</source>
        <translation>Токены ({tokenizer}):</translation>
    </message>
    <message>
        <source>messages per example</source>
        <translation>сообщений в примере</translation>
    </message>
    <message>
        <source>tokens per example</source>
        <translation>токенов в примере</translation>
    </message>
    <message>
        <source>answer tokens per example</source>
        <translation>токенов ответа в примере</translation>
    </message>
    <message>
        <source>  {title}: min {min}, max {max}, mean {mean}, median {median}, p10 {p10}, p90 {p90}</source>
        <translation>  {title}: мин. {min}, макс. {max}, среднее {mean}, медиана {median}, p10 {p10}, p90 {p90}</translation>
    </message>
    <message>
        <source>  total tokens in the file: {n}</source>
        <translation>  всего токенов в файле: {n}</translation>
    </message>
    <message>
        <source>  limits: request {request}, answer {response}, both together {total}; over them: {n}</source>
        <translation>  пределы: запрос {request}, ответ {response}, вместе {total}; больше них: {n}</translation>
    </message>
    <message>
        <source>  limit per example: {limit}; over it: {n}</source>
        <translation>  предел на пример: {limit}; больше него: {n}</translation>
    </message>
    <message>
        <source>Chatting with the tuned model is billed like the base model: {price} {currency} per 1,000 tokens.</source>
        <translation>Чат с дообученной моделью оплачивается как с базовой: {price} {currency} за 1 000 токенов.</translation>
    </message>
    <message>
        <source>Epochs: {epochs}; billed tokens: {billed}</source>
        <translation>Эпох: {epochs}; оплачиваемых токенов: {billed}</translation>
    </message>
    <message>
        <source>Estimated cost: ≈ {cost} {currency} ({price} per 1M tokens for {model}; prices of {date})</source>
        <translation>Примерная стоимость: ≈ {cost} {currency} ({price} за 1 млн токенов для {model}; цены на {date})</translation>
    </message>
    <message numerus="yes">
        <source>Validation file: {path}, %n examples</source>
        <translation>
            <numerusform>Файл для проверки: {path}, %n пример</numerusform>
            <numerusform>Файл для проверки: {path}, %n примера</numerusform>
            <numerusform>Файл для проверки: {path}, %n примеров</numerusform>
        </translation>
    </message>
    <message>
        <source>Training cost: free during Preview (Yandex does not bill tuning yet; prices of {date}).</source>
        <translation>Стоимость обучения: бесплатно на стадии Preview (Яндекс пока не берёт плату за дообучение; цены на {date}).</translation>
    </message>
    <message>
        <source>{n} (chosen automatically)</source>
        <translation>{n} (выбрано автоматически)</translation>
    </message>
    <message>
        <source>No price is known for {model} (prices of {date}).</source>
        <translation>Цена для {model} неизвестна (цены на {date}).</translation>
    </message>
</context>
</TS>