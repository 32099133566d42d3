<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
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
    <message>
        <source>Recovered into {path}: {pairs} pairs, {messages} messages.</source>
        <translation>Восстановлено в {path}: пар — {pairs}, сообщений — {messages}.</translation>
    </message>
    <message>
        <source>Some rows could not be read and are missing from the new file (about {n}).</source>
        <translation>Часть записей не удалось прочитать, в новом файле их нет (около {n}).</translation>
    </message>
</context>
<context>
    <name>Flow</name>
    <message>
        <source>Sources</source>
        <translation>Источники</translation>
    </message>
    <message>
        <source>Persona</source>
        <translation>Персона</translation>
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
        <source>Import a Telegram export or fetch chats from your account.</source>
        <translation>Импортируйте экспорт Telegram или загрузите чаты из своего аккаунта.</translation>
    </message>
    <message>
        <source>Tick the persona’s accounts in the list of people.</source>
        <translation>Отметьте аккаунты персоны в списке людей.</translation>
    </message>
    <message>
        <source>Read the pairs and approve the good ones (key A).</source>
        <translation>Просмотрите пары и одобрите удачные (клавиша A).</translation>
    </message>
    <message>
        <source>Check the statistics and freeze a snapshot of the approved pairs.</source>
        <translation>Проверьте статистику и заморозьте снимок одобренных пар.</translation>
    </message>
    <message>
        <source>Choose a provider and launch a fine-tune on the snapshot.</source>
        <translation>Выберите провайдера и запустите обучение на снимке.</translation>
    </message>
    <message>
        <source>Ask the tuned model what members ask, beside its base model.</source>
        <translation>Задайте обученной модели вопросы участников — рядом с базовой моделью.</translation>
    </message>
    <message>
        <source>No pairs were found yet: the Sources tab says why and how to find more.</source>
        <translation>Пар пока не нашлось: на вкладке «Источники» сказано почему и как найти больше.</translation>
    </message>
</context>
<context>
    <name>FlowGuide</name>
    <message>
        <source>Hide the steps (Help → Getting started explains them again)</source>
        <translation>Скрыть шаги (в «Справка → С чего начать» они описаны ещё раз)</translation>
    </message>
    <message>
        <source>All six steps done once. Curate, freeze and tune again as the dataset grows.</source>
        <translation>Все шесть шагов пройдены. Когда пар прибавится, повторите их с новым снимком.</translation>
    </message>
    <message>
        <source>Next: &lt;a href=&quot;{tab}&quot;&gt;{hint}&lt;/a&gt;</source>
        <translation>Дальше: &lt;a href=&quot;{tab}&quot;&gt;{hint}&lt;/a&gt;</translation>
    </message>
</context>
<context>
    <name>GettingStartedDialog</name>
    <message>
        <source>Getting started</source>
        <translation>С чего начать</translation>
    </message>
    <message>
        <source>1. Sources</source>
        <translation>1. Источники</translation>
    </message>
    <message>
        <source>Bring in the conversations. In Telegram Desktop open a chat’s menu → Export chat history, choose the machine-readable JSON format, and drop the folder (or its result.json) on the window. Or log in with your Telegram account on this tab and fetch the chats directly.</source>
        <translation>Загрузите переписку. В Telegram Desktop откройте меню чата → «Экспорт истории чата», выберите формат «Машиночитаемый JSON» и перетащите папку (или её файл result.json) в окно. Или войдите на этой вкладке в свой аккаунт Telegram и загрузите чаты напрямую.</translation>
    </message>
    <message>
        <source>2. Persona</source>
        <translation>2. Персона</translation>
    </message>
    <message>
        <source>Still on Sources: tick the persona’s accounts in the list of the most active people (she may have several, and a channel may sign her posts). The app then finds every question a member asked and her answer to it: these are the pairs.</source>
        <translation>Там же, на вкладке «Источники»: отметьте аккаунты персоны в списке самых активных людей (их может быть несколько, а канал может подписывать её посты). Приложение найдёт каждый вопрос участника и её ответ на него — это и есть пары.</translation>
    </message>
    <message>
        <source>3. Pairs</source>
        <translation>3. Пары</translation>
    </message>
    <message>
        <source>Read each pair with the conversation around it. Press A to approve, R to reject, W if it needs work; fix a typo right in the text. Only approved pairs go into training. Nothing needs saving: every change is kept at once, and Ctrl+Z undoes it.</source>
        <translation>Прочитайте каждую пару вместе с разговором вокруг неё. Нажмите A, чтобы одобрить, R — чтобы отклонить, W — если пару нужно доработать; опечатку можно исправить прямо в тексте. В обучение идут только одобренные пары. Сохранять ничего не нужно: каждое изменение записывается сразу, а Ctrl+Z его отменяет.</translation>
    </message>
    <message>
        <source>4. Statistics</source>
        <translation>4. Статистика</translation>
    </message>
    <message>
        <source>See where the pairs come from, their topics and lengths, and whether one member asks most of the questions. When the set looks right, freeze a snapshot: the exact pairs a fine-tune will learn from.</source>
        <translation>Посмотрите, откуда пары, какие у них темы и длина и не задаёт ли один участник большую часть вопросов. Когда набор выглядит правильно, заморозьте снимок — именно те пары, на которых будет учиться модель.</translation>
    </message>
    <message>
        <source>5. Fine-tune</source>
        <translation>5. Обучение</translation>
    </message>
    <message>
        <source>Choose a provider (set up once in Settings), a snapshot and a base model. The check says whether the provider will accept the file, how many tokens it has and what it costs; nothing is paid before you confirm. The job card then follows the training, even if you close the app.</source>
        <translation>Выберите провайдера (он настраивается один раз в «Настройках»), снимок и базовую модель. Проверка покажет, примет ли провайдер файл, сколько в нём токенов и сколько это стоит; до вашего подтверждения ничего не оплачивается. Дальше карточка задачи следит за обучением, даже если закрыть приложение.</translation>
    </message>
    <message>
        <source>6. Test chat</source>
        <translation>6. Тест-чат</translation>
    </message>
    <message>
        <source>Ask the tuned model what members really ask, beside its base model. Vote blind to learn which sounds more like her, and run the held-out questions to see each answer beside her real one. A good answer can be saved as a new pair.</source>
        <translation>Задайте обученной модели настоящие вопросы участников — рядом с базовой моделью. Голосуйте вслепую, чтобы понять, чей ответ больше похож на неё, и прогоните отложенные вопросы, чтобы увидеть каждый ответ рядом с её настоящим. Хороший ответ можно сохранить как новую пару.</translation>
    </message>
    <message>
        <source>Words you will meet</source>
        <translation>Слова, которые здесь встречаются</translation>
    </message>
    <message>
        <source>Natasha Studio turns one person’s answers in Telegram chats into a dataset, tunes a model on it, and tests whether the model sounds like her. The tabs follow the work from left to right; the row of steps under them shows what is done and what comes next. To look around first, open the demo project (File → Open the demo project): every tab has something in it.</source>
        <translation>Natasha Studio превращает ответы одного человека в чатах Telegram в набор данных, обучает на нём модель и проверяет, похожа ли модель на этого человека. Вкладки идут по порядку работы слева направо, а строка шагов под ними показывает, что уже сделано и что дальше. Чтобы сначала осмотреться, откройте демо-проект («Файл → Открыть демо-проект»): на каждой вкладке там что-то есть.</translation>
    </message>
</context>
<context>
    <name>Glossary</name>
    <message>
        <source>System prompt</source>
        <translation>Системный промпт</translation>
    </message>
    <message>
        <source>The instruction the model reads before every conversation: who it is and how it speaks (“You are Natasha, the host of…”). It goes into every training example, and the tuned model should be chatted with under the same prompt.</source>
        <translation>Указание, которое модель читает перед каждым разговором: кто она и как говорит («Ты — Наташа, ведущая…»). Оно входит в каждый обучающий пример, и с обученной моделью стоит общаться с тем же промптом.</translation>
    </message>
    <message>
        <source>Snapshot (freeze)</source>
        <translation>Снимок (заморозить)</translation>
    </message>
    <message>
        <source>A frozen copy of the chosen pairs, with a name. Later edits to the pairs do not change it, so a fine-tune can always be traced back to exactly the data it learned from. Freezing is making such a copy; it takes a second and can be done as often as you like.</source>
        <translation>Неизменяемая копия выбранных пар с названием. Последующие правки пар её не меняют, поэтому всегда видно, на каких именно данных училась модель. Заморозить пары — значит сделать такую копию; это занимает секунду, и делать это можно сколько угодно раз.</translation>
    </message>
    <message>
        <source>Validation share</source>
        <translation>Доля для проверки</translation>
    </message>
    <message>
        <source>The part of the pairs the model does not learn from, kept aside to check it while it trains: if the validation loss stops falling while the training loss still falls, the model is memorising instead of learning. 10 % is usual; with under 100 pairs, 5–10 pairs are enough.</source>
        <translation>Часть пар, на которых модель не учится: их откладывают, чтобы проверять её во время обучения. Если потери на проверке перестали снижаться, а на обучении всё ещё падают, модель заучивает, а не учится. Обычно берут 10 %; если пар меньше 100, хватит 5–10 пар.</translation>
    </message>
    <message>
        <source>Held-out questions</source>
        <translation>Отложенные вопросы</translation>
    </message>
    <message>
        <source>A few real questions kept out of training altogether. After the fine-tune the Test chat asks them to the models and shows each answer beside the persona&apos;s real one: the fairest test, because the model has never seen them.</source>
        <translation>Несколько настоящих вопросов, которые совсем не попадают в обучение. После обучения тест-чат задаёт их моделям и показывает каждый ответ рядом с настоящим ответом персоны. Это самая честная проверка: модель этих вопросов никогда не видела.</translation>
    </message>
    <message>
        <source>Split seed</source>
        <translation>Число для разбиения</translation>
    </message>
    <message>
        <source>The number that decides which pairs go to training, validation and held-out. The same number gives the same split every time, so two snapshots can be compared; change it only to draw a different split.</source>
        <translation>Число, от которого зависит, какие пары пойдут в обучение, на проверку и в отложенные. Одно и то же число всегда даёт одинаковое разбиение, поэтому снимки можно сравнивать; меняйте его, только если нужно другое разбиение.</translation>
    </message>
    <message>
        <source>Tokens</source>
        <translation>Токены</translation>
    </message>
    <message>
        <source>The pieces of text a model reads: a short word is one token, a long Russian word two to four. Providers bill fine-tuning and chat by the token, and limit how long one example may be, so the app counts them for you.</source>
        <translation>Кусочки текста, которые читает модель: короткое слово — один токен, длинное русское слово — два-четыре. Провайдеры берут плату за обучение и чат по токенам и ограничивают длину одного примера, поэтому приложение считает их за вас.</translation>
    </message>
    <message>
        <source>Epochs</source>
        <translation>Эпохи</translation>
    </message>
    <message>
        <source>How many times the model goes through all the training pairs. More epochs copy the persona&apos;s manner more closely, but too many make it repeat her answers word for word; 2–4 is usual, and the cost grows with each.</source>
        <translation>Сколько раз модель проходит по всем обучающим парам. Чем больше эпох, тем точнее она перенимает манеру персоны, но при слишком большом числе начинает повторять её ответы слово в слово. Обычно 2–4; каждая эпоха увеличивает стоимость.</translation>
    </message>
    <message>
        <source>Loss</source>
        <translation>Потери (loss)</translation>
    </message>
    <message>
        <source>How far the model&apos;s answers still are from the persona&apos;s, as a number: it should fall quickly, then level off. It is not an error: every training run has one.</source>
        <translation>Число, показывающее, насколько ответы модели ещё далеки от ответов персоны: сначала оно быстро падает, потом выравнивается. Это не ошибка: такое число есть у любого обучения.</translation>
    </message>
    <message>
        <source>Token accuracy</source>
        <translation>Точность по токенам</translation>
    </message>
    <message>
        <source>The share of the answer&apos;s tokens the model guesses right, one after another, on the training or validation pairs. It rises as the model learns; 60–80 % is good for free-form answers, and 100 % would mean it has memorised them.</source>
        <translation>Доля токенов ответа, которые модель угадывает верно, один за другим, на обучающих или проверочных парах. Она растёт по мере обучения; для свободных ответов 60–80 % — хорошо, а 100 % означало бы, что модель их заучила.</translation>
    </message>
    <message>
        <source>LoRA</source>
        <translation>LoRA</translation>
    </message>
    <message>
        <source>A way of fine-tuning that leaves the base model as it is and trains a small add-on (an adapter) beside it. It is fast, fits on one graphics card, and the adapter is a small file. Its rank sets the adapter&apos;s size: a higher rank learns more detail and needs more memory.</source>
        <translation>Способ дообучения, при котором базовая модель остаётся как есть, а рядом обучается небольшая надстройка (адаптер). Это быстро, помещается на одну видеокарту, а адаптер — небольшой файл. Ранг задаёт размер адаптера: чем он выше, тем больше деталей усваивается и тем больше нужно памяти.</translation>
    </message>
    <message>
        <source>DPO</source>
        <translation>DPO</translation>
    </message>
    <message>
        <source>Direct Preference Optimisation: a further round of training from pairs of answers to one question, one preferred and one not. Your blind A/B votes are exactly such pairs, so they can be exported for it.</source>
        <translation>Direct Preference Optimisation — дополнительный этап обучения на парах ответов на один вопрос: один ответ предпочтительный, другой нет. Ваши голоса в слепом A/B-сравнении — как раз такие пары, поэтому их можно выгрузить для DPO.</translation>
    </message>
    <message>
        <source>95 % interval</source>
        <translation>95-процентный интервал</translation>
    </message>
    <message>
        <source>Where the true win rate most likely lies, given the votes so far: with 95 % certainty it is between the two numbers. Few votes give a wide interval; when the intervals of two models do not overlap, one is really better.</source>
        <translation>Где, скорее всего, находится настоящая доля побед при нынешних голосах: с уверенностью 95 % она лежит между этими двумя числами. При малом числе голосов интервал широкий; если интервалы двух моделей не пересекаются, одна действительно лучше.</translation>
    </message>
    <message>
        <source>o200k_base</source>
        <translation>o200k_base</translation>
    </message>
    <message>
        <source>The name of the tokenizer (the rule that cuts text into tokens) used by recent OpenAI models. Where a provider&apos;s own tokenizer is not available, the app counts with this one, so its counts are close estimates rather than exact.</source>
        <translation>Название токенизатора (правила, по которому текст режется на токены) у современных моделей OpenAI. Если собственный токенизатор провайдера недоступен, приложение считает этим, поэтому числа — близкая оценка, а не точный подсчёт.</translation>
    </message>
    <message>
        <source>p10 / p90</source>
        <translation>p10 / p90</translation>
    </message>
    <message>
        <source>Percentiles: p10 is the length that only the shortest 10 % of the examples fall below, p90 the length that only the longest 10 % exceed. Together they show the usual range without the few extremes.</source>
        <translation>Перцентили: p10 — длина, короче которой только 10 % самых коротких примеров, p90 — длина, длиннее которой только 10 % самых длинных. Вместе они показывают обычный разброс без редких крайностей.</translation>
    </message>
    <message>
        <source>Temporary file</source>
        <translation>Временный файл</translation>
    </message>
    <message>
        <source>The check writes the training file to a temporary folder on this computer to test it exactly as the provider will read it. It is not your project and can be ignored: the system clears that folder by itself.</source>
        <translation>При проверке файл для обучения записывается во временную папку на этом компьютере, чтобы проверить его ровно так, как его прочитает провайдер. Это не ваш проект, на него можно не обращать внимания: система сама очищает эту папку.</translation>
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
        <source>&amp;Getting started</source>
        <translation>&amp;С чего начать</translation>
    </message>
    <message>
        <source>Show the &amp;steps under the tabs</source>
        <translation>Показывать &amp;шаги под вкладками</translation>
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
        <source>The steps are hidden; Help → Show the steps under the tabs brings them back.</source>
        <translation>Шаги скрыты; вернуть их можно через «Справка → Показывать шаги под вкладками».</translation>
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
        <source>&lt;h3&gt;Natasha Studio {version}&lt;/h3&gt;&lt;p&gt;Build a persona&apos;s fine-tuning dataset from Telegram conversations, curate it, tune a model and test it.&lt;/p&gt;</source>
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
    <message>
        <source>Choose another name for the recovered project.</source>
        <translation>Выберите другое имя для восстановленного проекта.</translation>
    </message>
    <message>
        <source>Persona</source>
        <translation>Персона</translation>
    </message>
</context>
<context>
    <name>QFileDialog</name>
    <message>
        <source>&amp;Look in:</source>
        <translation>&amp;Папка:</translation>
    </message>
    <message>
        <source>Files of &amp;type:</source>
        <translation>&amp;Тип файлов:</translation>
    </message>
</context>
<context>
    <name>RecoveryOffer</name>
    <message>
        <source>The project is damaged</source>
        <translation>Проект повреждён</translation>
    </message>
    <message>
        <source>Part of “{name}” cannot be read. Nothing was written into it, so that nothing makes it worse.</source>
        <translation>Часть файла «{name}» не читается. В него ничего не записано, чтобы не сделать хуже.</translation>
    </message>
    <message>
        <source>Natasha Studio can copy everything that can still be read into a new project file and open that one. The damaged file stays as it is.</source>
        <translation>Natasha Studio может перенести всё, что ещё читается, в новый файл проекта и открыть его. Повреждённый файл останется как есть.</translation>
    </message>
    <message>
        <source>Recover into a new file…</source>
        <translation>Восстановить в новый файл…</translation>
    </message>
    <message>
        <source>Save the recovered project as</source>
        <translation>Сохранить восстановленный проект как</translation>
    </message>
    <message>
        <source>Natasha Studio projects (*.nstudio)</source>
        <translation>Проекты Natasha Studio (*.nstudio)</translation>
    </message>
    <message>
        <source>The project could not be recovered</source>
        <translation>Не удалось восстановить проект</translation>
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
        <source>Keys are kept in your system&apos;s password storage, never in project files. Environment variables, where set, take precedence.</source>
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
    <name>Storage</name>
    <message>
        <source>The folder of the project {name} is read-only: nothing can be changed in the project while it is there.</source>
        <translation>Папка проекта {name} открыта только для чтения: пока проект лежит в ней, в нём ничего нельзя изменить.</translation>
    </message>
    <message>
        <source>Copy the project to a folder you can write to (such as Documents), or change the permissions of its folder. Nothing was changed.</source>
        <translation>Скопируйте проект в папку, куда можно записывать (например, «Документы»), или измените права на его папку. Ничего не изменено.</translation>
    </message>
    <message>
        <source>The project file {name} is read-only: nothing can be changed in it.</source>
        <translation>Файл проекта {name} открыт только для чтения: в нём ничего нельзя изменить.</translation>
    </message>
    <message>
        <source>Copy it to a folder you can write to (such as Documents), or change the permissions of the file and its folder. Nothing was changed.</source>
        <translation>Скопируйте его в папку, куда можно записывать (например, «Документы»), или измените права на файл и его папку. Ничего не изменено.</translation>
    </message>
    <message>
        <source>Not enough free space on the disk of {name} ({free} MB free).</source>
        <translation>На диске с {name} не хватает места (свободно {free} МБ).</translation>
    </message>
    <message>
        <source>Free some space and try again. What was being written was undone; the project is as it was before.</source>
        <translation>Освободите место и попробуйте снова. Начатая запись отменена, проект остался прежним.</translation>
    </message>
    <message>
        <source>The project {name} is in use by another window or command that is writing to it.</source>
        <translation>Проект {name} сейчас занят: в него записывает другое окно или команда.</translation>
    </message>
    <message>
        <source>Wait until it has finished, or close the other window, then try again. Nothing was changed.</source>
        <translation>Дождитесь окончания или закройте другое окно, затем попробуйте снова. Ничего не изменено.</translation>
    </message>
    <message>
        <source>The project {name} is damaged: part of the file cannot be read.</source>
        <translation>Проект {name} повреждён: часть файла не читается.</translation>
    </message>
    <message>
        <source>It was opened for reading only. Copy what can be read into a new file with “natasha-studio recover {name} --out {stem}-recovered.nstudio”, or open a backup copy. The damaged file was not changed.</source>
        <translation>Он открыт только для чтения. Перенесите всё, что удаётся прочитать, в новый файл командой «natasha-studio recover {name} --out {stem}-recovered.nstudio» или откройте резервную копию. Повреждённый файл не изменён.</translation>
    </message>
    <message>
        <source>The project {name} was changed by another window or command while this one was writing.</source>
        <translation>Пока это окно записывало, проект {name} изменило другое окно или команда.</translation>
    </message>
    <message>
        <source>Try again: what was being written was undone, nothing was lost.</source>
        <translation>Попробуйте снова: начатая запись отменена, ничего не потеряно.</translation>
    </message>
    <message>
        <source>The project {name} could not be read or written: {reason}</source>
        <translation>Не удалось прочитать или записать проект {name}: {reason}</translation>
    </message>
    <message>
        <source>Check that the disk is connected and not full, then try again.</source>
        <translation>Проверьте, что диск подключён и не переполнен, и попробуйте снова.</translation>
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
        <source>Turn a Telegram community&apos;s conversations into a fine-tuning dataset in the persona&apos;s voice, tune a model on it, and check that it sounds like her.</source>
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
<context>
    <name>Writer</name>
    <message>
        <source>an import of messages</source>
        <translation>импорт сообщений</translation>
    </message>
    <message>
        <source>finding pairs</source>
        <translation>поиск пар</translation>
    </message>
    <message>
        <source>a fetch from Telegram</source>
        <translation>загрузка из Telegram</translation>
    </message>
    <message>
        <source>a change of many pairs</source>
        <translation>изменение многих пар</translation>
    </message>
    <message>
        <source>replacing personal data</source>
        <translation>замена личных данных</translation>
    </message>
    <message>
        <source>scoring pairs again</source>
        <translation>пересчёт оценок пар</translation>
    </message>
    <message>
        <source>in this window</source>
        <translation>в этом окне</translation>
    </message>
    <message>
        <source>in another window or command (process {pid})</source>
        <translation>в другом окне или команде (процесс {pid})</translation>
    </message>
    <message>
        <source>{action} {where}, started at {time}</source>
        <translation>{action} {where}, начало в {time}</translation>
    </message>
    <message>
        <source>The project {name} is busy: another window or command is writing to it.</source>
        <translation>Проект {name} занят: в него пишет другое окно или команда.</translation>
    </message>
    <message>
        <source>Try again when it has finished. Nothing was changed.</source>
        <translation>Попробуйте снова, когда она закончит. Ничего не изменено.</translation>
    </message>
    <message>
        <source>The project {name} is busy: {what}.</source>
        <translation>Проект {name} занят: {what}.</translation>
    </message>
    <message>
        <source>Try again when it has finished, or stop it there. Nothing was changed.</source>
        <translation>Попробуйте снова, когда это закончится, или остановите это там. Ничего не изменено.</translation>
    </message>
    <message>
        <source>another window or command is writing to it</source>
        <translation>в него пишет другое окно или команда</translation>
    </message>
    <message>
        <source>The project {name} is busy: {what}. Waiting for its turn…</source>
        <translation>Проект {name} занят: {what}. Ждём своей очереди…</translation>
    </message>
</context>
</TS>
