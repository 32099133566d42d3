<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="ru">
<context>
    <name>BlindView</name>
    <message>
        <source>Two of the ticked models are drawn for every question</source>
        <translation>Для каждого вопроса случайно выбираются две из отмеченных моделей</translation>
    </message>
    <message>
        <source>Models to compare</source>
        <translation>Модели для сравнения</translation>
    </message>
    <message>
        <source>A question a member could ask…</source>
        <translation>Вопрос, который мог бы задать участник…</translation>
    </message>
    <message>
        <source>Ask two hidden models</source>
        <translation>Спросить две скрытые модели</translation>
    </message>
    <message>
        <source>Stop</source>
        <translation>Стоп</translation>
    </message>
    <message>
        <source>A is better</source>
        <translation>A лучше</translation>
    </message>
    <message>
        <source>B is better</source>
        <translation>B лучше</translation>
    </message>
    <message>
        <source>Equally good</source>
        <translation>Одинаково хорошо</translation>
    </message>
    <message>
        <source>Both bad</source>
        <translation>Обе плохо</translation>
    </message>
    <message>
        <source>Take back the vote</source>
        <translation>Отменить голос</translation>
    </message>
    <message>
        <source>Model</source>
        <translation>Модель</translation>
    </message>
    <message>
        <source>Win rate</source>
        <translation>Доля побед</translation>
    </message>
    <message>
        <source>95% interval</source>
        <translation>Интервал 95%</translation>
    </message>
    <message>
        <source>Votes</source>
        <translation>Голосов</translation>
    </message>
    <message>
        <source>Won / lost / tied</source>
        <translation>Побед / поражений / ничьих</translation>
    </message>
    <message>
        <source>A tie counts as half a win; “both bad” votes are counted but say nothing about which model is better.</source>
        <translation>Ничья считается за половину победы; голоса «обе плохо» учитываются, но не говорят о том, какая модель лучше.</translation>
    </message>
    <message>
        <source>Export votes for DPO…</source>
        <translation>Экспорт голосов для DPO…</translation>
    </message>
    <message>
        <source>Blind comparison</source>
        <translation>Слепое сравнение</translation>
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
        <source>Blind answer</source>
        <translation>Ответ в слепом сравнении</translation>
    </message>
    <message>
        <source>The model was deleted.</source>
        <translation>Модель удалена.</translation>
    </message>
    <message>
        <source>Stopped: only whole answers can be voted on. Ask again.</source>
        <translation>Остановлено: голосовать можно только за полные ответы. Спросите ещё раз.</translation>
    </message>
    <message>
        <source>One of the models did not answer, so this question cannot be voted on. Ask again.</source>
        <translation>Одна из моделей не ответила, поэтому за этот вопрос нельзя проголосовать. Спросите ещё раз.</translation>
    </message>
    <message>
        <source>The vote was not saved</source>
        <translation>Голос не сохранён</translation>
    </message>
    <message>
        <source>A was {a}; B was {b}.</source>
        <translation>A — это {a}; B — это {b}.</translation>
    </message>
    <message>
        <source>The vote was not taken back</source>
        <translation>Голос не отменён</translation>
    </message>
    <message>
        <source>Vote taken back; vote again.</source>
        <translation>Голос отменён; проголосуйте заново.</translation>
    </message>
    <message>
        <source>(deleted model)</source>
        <translation>(удалённая модель)</translation>
    </message>
    <message>
        <source>Export votes for DPO</source>
        <translation>Экспорт голосов для DPO</translation>
    </message>
    <message>
        <source>JSON Lines (*.jsonl)</source>
        <translation>JSON Lines (*.jsonl)</translation>
    </message>
    <message>
        <source>The votes were not exported</source>
        <translation>Голоса не экспортированы</translation>
    </message>
    <message numerus="yes">
        <source>%n preference pair(s) exported.</source>
        <translation>
            <numerusform>Экспортирована %n пара предпочтений.</numerusform>
            <numerusform>Экспортировано %n пары предпочтений.</numerusform>
            <numerusform>Экспортировано %n пар предпочтений.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Chat</name>
    <message>
        <source>Nothing was deployed: a deployment needs a confirmation. Add --yes to deploy without asking.</source>
        <translation>Ничего не развёрнуто: для развёртывания нужно подтверждение. Добавьте --yes, чтобы развернуть без вопроса.</translation>
    </message>
    <message>
        <source>Deploy the model? [y/N] </source>
        <translation>Развернуть модель? [y/N] </translation>
    </message>
    <message>
        <source>Nothing was deployed.</source>
        <translation>Ничего не развёрнуто.</translation>
    </message>
    <message>
        <source>{model} has no deployment at Fireworks AI yet, so it cannot answer.</source>
        <translation>У {model} ещё нет развёртывания в Fireworks AI, поэтому она не может ответить.</translation>
    </message>
    <message>
        <source>Add --deploy to make one (you are asked first).</source>
        <translation>Добавьте --deploy, чтобы создать его (сначала вас спросят).</translation>
    </message>
    <message>
        <source>Deployed as {name}. The first answer may take a few minutes while the model loads.</source>
        <translation>Развёрнуто как {name}. Первый ответ может занять несколько минут, пока модель загружается.</translation>
    </message>
    <message>
        <source>--deploy is for models tuned at Fireworks AI.</source>
        <translation>--deploy нужен только для моделей, дообученных в Fireworks AI.</translation>
    </message>
    <message>
        <source>Blind comparison needs at least two models.</source>
        <translation>Для слепого сравнения нужны хотя бы две модели.</translation>
    </message>
    <message>
        <source>Add another model in the models list.</source>
        <translation>Добавьте ещё одну модель в список моделей.</translation>
    </message>
    <message>
        <source>(deleted model)</source>
        <translation>(удалённая модель)</translation>
    </message>
    <message>
        <source>There is no question to pair this answer with.</source>
        <translation>Нет вопроса, к которому можно привязать этот ответ.</translation>
    </message>
    <message>
        <source>The answer is empty.</source>
        <translation>Ответ пустой.</translation>
    </message>
    <message>
        <source>Write what the persona would answer.</source>
        <translation>Напишите, что ответила бы персона.</translation>
    </message>
    <message>
        <source>Written by the curator from an answer of {model}.</source>
        <translation>Написано куратором на основе ответа модели «{model}».</translation>
    </message>
    <message>
        <source>a model</source>
        <translation>без названия</translation>
    </message>
    <message>
        <source>An answer of {model}, accepted unchanged by the curator.</source>
        <translation>Ответ модели «{model}», принятый куратором без изменений.</translation>
    </message>
    <message>
        <source>There are no votes with a winner to export yet.</source>
        <translation>Пока нет голосов с победителем, которые можно экспортировать.</translation>
    </message>
    <message>
        <source>Vote for A or B in blind comparison first; ties and “both bad” are not exported.</source>
        <translation>Сначала проголосуйте за A или B в слепом сравнении; ничьи и «обе плохо» не экспортируются.</translation>
    </message>
    <message>
        <source>The file {path} could not be written: {reason}</source>
        <translation>Не удалось записать файл {path}: {reason}</translation>
    </message>
    <message>
        <source>Choose another folder.</source>
        <translation>Выберите другую папку.</translation>
    </message>
    <message>
        <source>Line {n}: “{key}” must be one assistant message with text.</source>
        <translation>Строка {n}: «{key}» должно быть одним сообщением ассистента с текстом.</translation>
    </message>
    <message>
        <source>The file cannot be read: {reason}</source>
        <translation>Файл не читается: {reason}</translation>
    </message>
    <message>
        <source>Line {n} is not valid JSON.</source>
        <translation>Строка {n} — это не корректный JSON.</translation>
    </message>
    <message>
        <source>Line {n} has unexpected keys.</source>
        <translation>В строке {n} есть лишние ключи.</translation>
    </message>
    <message>
        <source>Line {n}: the input must be a list of messages ending with the user's.</source>
        <translation>Строка {n}: вход должен быть списком сообщений, который заканчивается сообщением пользователя.</translation>
    </message>
    <message>
        <source>Line {n}: both answers are the same.</source>
        <translation>Строка {n}: оба ответа одинаковые.</translation>
    </message>
    <message>
        <source>The file has no preference pairs.</source>
        <translation>В файле нет пар предпочтений.</translation>
    </message>
    <message>
        <source>Choose at least one model to answer the questions.</source>
        <translation>Выберите хотя бы одну модель, которая будет отвечать на вопросы.</translation>
    </message>
    <message>
        <source>This snapshot has no held-out questions.</source>
        <translation>В этом снимке нет отложенных вопросов.</translation>
    </message>
    <message>
        <source>Freeze a snapshot with a held-out set on the Statistics tab.</source>
        <translation>Создайте снимок с отложенными вопросами на вкладке «Статистика».</translation>
    </message>
    <message>
        <source>This held-out run no longer exists.</source>
        <translation>Этот прогон отложенных вопросов больше не существует.</translation>
    </message>
    <message>
        <source>The models of this run were deleted.</source>
        <translation>Модели этого прогона удалены.</translation>
    </message>
    <message>
        <source>The model needs a name.</source>
        <translation>Дайте модели название.</translation>
    </message>
    <message>
        <source>Type a name you will recognise, e.g. “Наташа v2”.</source>
        <translation>Введите понятное вам название, например «Наташа v2».</translation>
    </message>
    <message>
        <source>Unknown provider “{provider}”.</source>
        <translation>Неизвестный провайдер «{provider}».</translation>
    </message>
    <message>
        <source>The model name on the server is empty.</source>
        <translation>Не указано имя модели на сервере.</translation>
    </message>
    <message>
        <source>Type the model's name as the server knows it, e.g. llama3.1.</source>
        <translation>Введите имя модели так, как его знает сервер, например llama3.1.</translation>
    </message>
    <message>
        <source>“{url}” is not a server address.</source>
        <translation>«{url}» — это не адрес сервера.</translation>
    </message>
    <message>
        <source>Type the address with http:// or https://, e.g. http://localhost:11434/v1 for Ollama.</source>
        <translation>Введите адрес с http:// или https://, например http://localhost:11434/v1 для Ollama.</translation>
    </message>
    <message>
        <source>A model named “{name}” already exists.</source>
        <translation>Модель с названием «{name}» уже есть.</translation>
    </message>
    <message>
        <source>Choose another name.</source>
        <translation>Выберите другое название.</translation>
    </message>
    <message>
        <source>Tune #{id}</source>
        <translation>Обучение №{id}</translation>
    </message>
    <message>
        <source>{model} (base)</source>
        <translation>{model} (базовая)</translation>
    </message>
    <message>
        <source>Chat of {date}</source>
        <translation>Чат от {date}</translation>
    </message>
    <message>
        <source>A chat has from one to four columns.</source>
        <translation>В чате может быть от одной до четырёх колонок.</translation>
    </message>
    <message>
        <source>The chat needs a name.</source>
        <translation>Дайте чату название.</translation>
    </message>
    <message>
        <source>This chat no longer exists.</source>
        <translation>Этого чата больше нет.</translation>
    </message>
    <message>
        <source>(no model)</source>
        <translation>(без модели)</translation>
    </message>
    <message>
        <source>Question</source>
        <translation>Вопрос</translation>
    </message>
    <message>
        <source>The chat could not be written to {path}: {reason}</source>
        <translation>Не удалось сохранить чат в {path}: {reason}</translation>
    </message>
    <message>
        <source>The server could not be reached: {reason}</source>
        <translation>Не удалось связаться с сервером: {reason}</translation>
    </message>
    <message>
        <source>The model did not answer: {reason}</source>
        <translation>Модель не ответила: {reason}</translation>
    </message>
    <message>
        <source>The model stopped answering: nothing came for {seconds:.0f} s.</source>
        <translation>Модель перестала отвечать: за {seconds:.0f} с ничего не пришло.</translation>
    </message>
    <message>
        <source>The connection may have dropped. Ask again.</source>
        <translation>Возможно, оборвалась связь. Спросите ещё раз.</translation>
    </message>
    <message>
        <source>The model did not start answering within {seconds:.0f} s.</source>
        <translation>Модель не начала отвечать за {seconds:.0f} с.</translation>
    </message>
    <message>
        <source>The server may be unreachable or overloaded. Check the connection and ask again.</source>
        <translation>Сервер может быть недоступен или перегружен. Проверьте подключение и спросите ещё раз.</translation>
    </message>
    <message>
        <source>The model sent an empty answer.</source>
        <translation>Модель прислала пустой ответ.</translation>
    </message>
    <message>
        <source>The project has no model named “{name}”.</source>
        <translation>В проекте нет модели с названием «{name}».</translation>
    </message>
    <message>
        <source>Saved models: {names}</source>
        <translation>Сохранённые модели: {names}</translation>
    </message>
    <message>
        <source>--entry needs --project.</source>
        <translation>Для --entry нужен --project.</translation>
    </message>
    <message>
        <source>Say which model to ask: --provider and --model (or --project with --entry).</source>
        <translation>Укажите, какую модель спросить: --provider и --model (или --project вместе с --entry).</translation>
    </message>
    <message>
        <source>There is no model folder {path}.</source>
        <translation>Папки с моделью {path} нет.</translation>
    </message>
    <message>
        <source>Give the folder of a local job's adapter, or of a merged or downloaded model.</source>
        <translation>Укажите папку адаптера локального обучения или папку объединённой либо скачанной модели.</translation>
    </message>
    <message>
        <source>A compatible server needs --base-url.</source>
        <translation>Для совместимого сервера нужен --base-url.</translation>
    </message>
    <message>
        <source>For example: --base-url http://localhost:11434/v1</source>
        <translation>Например: --base-url http://localhost:11434/v1</translation>
    </message>
    <message>
        <source>The message is empty.</source>
        <translation>Сообщение пустое.</translation>
    </message>
    <message>
        <source>First token after {ttft:.2f} s; {tokens} tokens at {rate:.0f} tokens/s; {total:.1f} s in all.</source>
        <translation>Первый токен через {ttft:.2f} с; {tokens} токенов со скоростью {rate:.0f} токенов/с; всего {total:.1f} с.</translation>
    </message>
    <message>
        <source>The folder {path} holds no LoRA adapter.</source>
        <translation>В папке {path} нет адаптера LoRA.</translation>
    </message>
    <message>
        <source>Choose the folder with adapter_config.json (a local job's “adapter” folder).</source>
        <translation>Выберите папку с файлом adapter_config.json (папку «adapter» локальной задачи).</translation>
    </message>
    <message>
        <source>This adapter was trained on {model}, not on the base model chosen.</source>
        <translation>Этот адаптер обучен на {model}, а не на выбранной базовой модели.</translation>
    </message>
    <message>
        <source>Leave the base model empty, or choose that model.</source>
        <translation>Оставьте базовую модель пустой или выберите эту модель.</translation>
    </message>
</context>
<context>
    <name>ChatColumn</name>
    <message>
        <source>Answer on this computer</source>
        <translation>Отвечать на этом компьютере</translation>
    </message>
    <message>
        <source>Download the model's LoRA adapter and chat with it here, for free (local training must be installed).</source>
        <translation>Скачать LoRA-адаптер модели и общаться с ней здесь бесплатно (нужно установить локальное обучение).</translation>
    </message>
    <message>
        <source>Deploy at Fireworks AI…</source>
        <translation>Развернуть в Fireworks AI…</translation>
    </message>
    <message>
        <source>Make a deployment for this model; what it costs is said first.</source>
        <translation>Создать развёртывание для этой модели; сначала будет сказано, сколько оно стоит.</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>Настройки</translation>
    </message>
    <message>
        <source>System prompt, temperature and answer length for this column</source>
        <translation>Системный промпт, температура и длина ответа для этой колонки</translation>
    </message>
    <message>
        <source>Remove this column</source>
        <translation>Убрать эту колонку</translation>
    </message>
    <message>
        <source>No system prompt</source>
        <translation>Без системного промпта</translation>
    </message>
    <message>
        <source>Lower: steadier answers. Higher: more varied ones.</source>
        <translation>Ниже — ответы ровнее. Выше — разнообразнее.</translation>
    </message>
    <message>
        <source>The longest answer the model may write, in tokens.</source>
        <translation>Самый длинный ответ, который может написать модель, в токенах.</translation>
    </message>
    <message>
        <source>System prompt</source>
        <translation>Системный промпт</translation>
    </message>
    <message>
        <source>Temperature</source>
        <translation>Температура</translation>
    </message>
    <message>
        <source>Max tokens</source>
        <translation>Макс. токенов</translation>
    </message>
    <message>
        <source>Save as training pair…</source>
        <translation>Сохранить как обучающую пару…</translation>
    </message>
    <message>
        <source>Correct the last answer to what the persona would say and add it to the dataset.</source>
        <translation>Исправьте последний ответ так, как ответила бы персона, и добавьте его в датасет.</translation>
    </message>
    <message>
        <source>Model</source>
        <translation>Модель</translation>
    </message>
    <message>
        <source>You</source>
        <translation>Вы</translation>
    </message>
    <message>
        <source>Waiting for the first token…</source>
        <translation>Ждём первый токен…</translation>
    </message>
    <message>
        <source>Stopped.</source>
        <translation>Остановлено.</translation>
    </message>
</context>
<context>
    <name>CorrectionDialog</name>
    <message>
        <source>Save as a training pair</source>
        <translation>Сохранить как обучающую пару</translation>
    </message>
    <message>
        <source>Correct the answer of {model} until it is what the persona would say. It is added to the dataset as a new pair, marked as written by the curator.</source>
        <translation>Исправьте ответ модели {model}, чтобы он звучал так, как ответила бы персона. Он будет добавлен в датасет как новая пара с пометкой «написано куратором».</translation>
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
        <source>The pair was not saved</source>
        <translation>Пара не сохранена</translation>
    </message>
</context>
<context>
    <name>ExampleBox</name>
    <message>
        <source>score {score}</source>
        <translation>оценка {score}</translation>
    </message>
    <message>
        <source>Question: {text}</source>
        <translation>Вопрос: {text}</translation>
    </message>
    <message>
        <source>Her real answer</source>
        <translation>Её настоящий ответ</translation>
    </message>
</context>
<context>
    <name>Fidelity</name>
    <message>
        <source>This fidelity run no longer exists.</source>
        <translation>Этой оценки сходства больше нет.</translation>
    </message>
    <message>
        <source>The answers of this run were deleted.</source>
        <translation>Ответы этой оценки удалены.</translation>
    </message>
    <message>
        <source>Style: how much the answer looks like hers: its length, emoji and punctuation, ты or вы, her favourite words, how she starts and ends.</source>
        <translation>Стиль: насколько ответ похож на её ответы — длина, эмодзи и знаки препинания, «ты» или «вы», её любимые слова, как она начинает и заканчивает.</translation>
    </message>
    <message>
        <source>Meaning: how much the answer says what she really answered, measured offline with word vectors.</source>
        <translation>Смысл: насколько ответ говорит то же, что она ответила на самом деле; считается без интернета по векторам слов.</translation>
    </message>
    <message>
        <source>Judge: how often a chat model found this answer closer to her real one than the other models' answers.</source>
        <translation>Судья: как часто модель-судья находила этот ответ ближе к её настоящему, чем ответы других моделей.</translation>
    </message>
    <message>
        <source>Votes: how often you preferred this model in blind A/B comparisons.</source>
        <translation>Голоса: как часто вы выбирали эту модель в слепом сравнении A/B.</translation>
    </message>
    <message>
        <source>Score: style and meaning (and the judge, when asked) averaged over the questions, with the range it would likely fall in on other questions.</source>
        <translation>Оценка: стиль и смысл (и судья, если его позвали), усреднённые по вопросам, с диапазоном, в который она скорее всего попала бы на других вопросах.</translation>
    </message>
    <message>
        <source>Style</source>
        <translation>Стиль</translation>
    </message>
    <message>
        <source>Meaning</source>
        <translation>Смысл</translation>
    </message>
    <message>
        <source>Judge</source>
        <translation>Судья</translation>
    </message>
    <message>
        <source>Votes</source>
        <translation>Голоса</translation>
    </message>
    <message>
        <source>Score</source>
        <translation>Оценка</translation>
    </message>
    <message>
        <source>The judge will be asked {calls} times, about {tokens} tokens in all, billed by its provider at its usual chat price.</source>
        <translation>Судью спросят {calls} раз, всего около {tokens} токенов; провайдер возьмёт за них обычную цену чата.</translation>
    </message>
    <message>
        <source>How much each model sounds like her</source>
        <translation>Насколько каждая модель похожа на неё</translation>
    </message>
    <message numerus="yes">
        <source>{title} · %n held-out question(s)</source>
        <translation>
            <numerusform>{title} · %n отложенный вопрос</numerusform>
            <numerusform>{title} · %n отложенных вопроса</numerusform>
            <numerusform>{title} · %n отложенных вопросов</numerusform>
        </translation>
    </message>
    <message>
        <source>stopped before the end: scored on the answers it has</source>
        <translation>остановлено до конца: оценено по полученным ответам</translation>
    </message>
    <message>
        <source>likely {low}–{high}</source>
        <translation>вероятно {low}–{high}</translation>
    </message>
    <message numerus="yes">
        <source>%n votes</source>
        <translation>
            <numerusform>%n голос</numerusform>
            <numerusform>%n голоса</numerusform>
            <numerusform>%n голосов</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Unanswered questions: %n. The score leaves them out.</source>
        <translation>
            <numerusform>Вопросов без ответа: %n. В оценку они не вошли.</numerusform>
            <numerusform>Вопросов без ответа: %n. В оценку они не вошли.</numerusform>
            <numerusform>Вопросов без ответа: %n. В оценку они не вошли.</numerusform>
        </translation>
    </message>
    <message>
        <source>Closest to hers</source>
        <translation>Ближе всего к её ответу</translation>
    </message>
    <message>
        <source>Furthest from hers</source>
        <translation>Дальше всего от её ответа</translation>
    </message>
    <message>
        <source>“{spec}” is neither a saved model nor PROVIDER:MODEL.</source>
        <translation>«{spec}» — это не сохранённая модель и не ПРОВАЙДЕР:МОДЕЛЬ.</translation>
    </message>
    <message>
        <source>Saved models: {names}. Providers: {providers}.</source>
        <translation>Сохранённые модели: {names}. Провайдеры: {providers}.</translation>
    </message>
    <message>
        <source>A compatible server needs --base-url.</source>
        <translation>Для совместимого сервера нужен --base-url.</translation>
    </message>
    <message>
        <source>For example: --base-url http://localhost:11434/v1</source>
        <translation>Например: --base-url http://localhost:11434/v1</translation>
    </message>
    <message>
        <source>The snapshot “{name}” has no held-out questions.</source>
        <translation>В снимке «{name}» нет отложенных вопросов.</translation>
    </message>
    <message>
        <source>Snapshots with held-out questions: {names}</source>
        <translation>Снимки с отложенными вопросами: {names}</translation>
    </message>
    <message>
        <source>The project has no held-out questions to ask.</source>
        <translation>В проекте нет отложенных вопросов, которые можно задать.</translation>
    </message>
    <message>
        <source>Freeze a snapshot with a held-out set on the Statistics tab (or with “natasha-studio export snapshot … --heldout N”).</source>
        <translation>Заморозьте снимок с отложенной выборкой на вкладке «Статистика» (или командой «natasha-studio export snapshot … --heldout N»).</translation>
    </message>
    <message>
        <source>Model</source>
        <translation>Модель</translation>
    </message>
    <message>
        <source>95% interval</source>
        <translation>Интервал 95%</translation>
    </message>
    <message>
        <source>Questions</source>
        <translation>Вопросы</translation>
    </message>
    <message>
        <source>{model}: {count} questions were not answered.</source>
        <translation>{model}: без ответа вопросов — {count}.</translation>
    </message>
    <message>
        <source>--questions needs a number above zero.</source>
        <translation>Для --questions нужно число больше нуля.</translation>
    </message>
    <message>
        <source>Answers: {done} of {total}</source>
        <translation>Ответы: {done} из {total}</translation>
    </message>
    <message>
        <source>Judgements: {done} of {total}</source>
        <translation>Решения судьи: {done} из {total}</translation>
    </message>
</context>
<context>
    <name>FidelityView</name>
    <message>
        <source>all</source>
        <translation>все</translation>
    </message>
    <message>
        <source>How many held-out questions to ask (a random sample); “all” asks every one.</source>
        <translation>Сколько отложенных вопросов задать (случайная выборка); «все» — задать каждый.</translation>
    </message>
    <message>
        <source>Judge with</source>
        <translation>Судья:</translation>
    </message>
    <message>
        <source>A chat model compares the answers two by two and says which is closer to her real one. It costs calls; off by default.</source>
        <translation>Чат-модель сравнивает ответы попарно и говорит, какой ближе к её настоящему. Это платные запросы; по умолчанию выключено.</translation>
    </message>
    <message>
        <source>Score models</source>
        <translation>Оценить модели</translation>
    </message>
    <message>
        <source>Save…</source>
        <translation>Сохранить…</translation>
    </message>
    <message>
        <source>Save the report card as a picture (PNG) or a web page (HTML)</source>
        <translation>Сохранить табель как картинку (PNG) или веб-страницу (HTML)</translation>
    </message>
    <message>
        <source>Snapshot</source>
        <translation>Снимок</translation>
    </message>
    <message>
        <source>Models</source>
        <translation>Модели</translation>
    </message>
    <message>
        <source>Questions</source>
        <translation>Вопросы</translation>
    </message>
    <message>
        <source>Report</source>
        <translation>Табель</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Отмена</translation>
    </message>
    <message>
        <source>No held-out questions yet</source>
        <translation>Отложенных вопросов пока нет</translation>
    </message>
    <message>
        <source>A report card compares the models' answers with her real answers to questions kept out of training. Freeze a snapshot with a held-out set on the Statistics tab, then come back here.</source>
        <translation>Табель сравнивает ответы моделей с её настоящими ответами на вопросы, которые не попали в обучение. Заморозьте снимок с отложенной выборкой на вкладке «Статистика» и возвращайтесь сюда.</translation>
    </message>
    <message>
        <source>Go to Statistics</source>
        <translation>Перейти к статистике</translation>
    </message>
    <message>
        <source>No report card yet</source>
        <translation>Табеля пока нет</translation>
    </message>
    <message>
        <source>Tick the models to compare above and press “Score models”. Each one answers the held-out questions, and the card shows how close each comes to her: style, meaning and one score out of 100.</source>
        <translation>Отметьте выше модели для сравнения и нажмите «Оценить модели». Каждая ответит на отложенные вопросы, а табель покажет, насколько каждая близка к ней: стиль, смысл и одна оценка из 100.</translation>
    </message>
    <message>
        <source>The models are answering</source>
        <translation>Модели отвечают</translation>
    </message>
    <message>
        <source>The report card appears here once every model has answered the held-out questions and the answers are scored. You can work in other tabs meanwhile.</source>
        <translation>Табель появится здесь, когда каждая модель ответит на отложенные вопросы и ответы будут оценены. А пока можно работать на других вкладках.</translation>
    </message>
    <message numerus="yes">
        <source>{name} (%n question(s))</source>
        <translation>
            <numerusform>{name} (%n вопрос)</numerusform>
            <numerusform>{name} (%n вопроса)</numerusform>
            <numerusform>{name} (%n вопросов)</numerusform>
        </translation>
    </message>
    <message>
        <source>The judge compares two models or more: tick another.</source>
        <translation>Судья сравнивает две модели или больше: отметьте ещё одну.</translation>
    </message>
    <message>
        <source>running</source>
        <translation>идёт</translation>
    </message>
    <message>
        <source>finished</source>
        <translation>завершён</translation>
    </message>
    <message>
        <source>stopped</source>
        <translation>остановлен</translation>
    </message>
    <message>
        <source>Style fidelity</source>
        <translation>Сходство стиля</translation>
    </message>
    <message>
        <source>Tick at least one model to score.</source>
        <translation>Отметьте хотя бы одну модель для оценки.</translation>
    </message>
    <message>
        <source>Asking the models…</source>
        <translation>Задаём вопросы моделям…</translation>
    </message>
    <message>
        <source>Asking the models: {done} of {total} answers</source>
        <translation>Задаём вопросы моделям: {done} из {total} ответов</translation>
    </message>
    <message>
        <source>The judge compares answers: {done} of {total}</source>
        <translation>Судья сравнивает ответы: {done} из {total}</translation>
    </message>
    <message>
        <source>Scoring the answers…</source>
        <translation>Оцениваем ответы…</translation>
    </message>
    <message>
        <source>Save the report card</source>
        <translation>Сохранить табель</translation>
    </message>
    <message>
        <source>Web page (*.html);;Picture (*.png)</source>
        <translation>Веб-страница (*.html);;Картинка (*.png)</translation>
    </message>
    <message>
        <source>The report card could not be saved: {reason}</source>
        <translation>Не удалось сохранить табель: {reason}</translation>
    </message>
    <message>
        <source>Report card saved to {path}</source>
        <translation>Табель сохранён: {path}</translation>
    </message>
    <message>
        <source>the picture could not be written</source>
        <translation>не удалось записать картинку</translation>
    </message>
</context>
<context>
    <name>HeldoutView</name>
    <message>
        <source>Ask these models</source>
        <translation>Спросить эти модели</translation>
    </message>
    <message>
        <source>Retry missing answers</source>
        <translation>Повторить недостающие ответы</translation>
    </message>
    <message>
        <source>Stop</source>
        <translation>Стоп</translation>
    </message>
    <message>
        <source>Snapshot</source>
        <translation>Снимок</translation>
    </message>
    <message>
        <source>Models</source>
        <translation>Модели</translation>
    </message>
    <message>
        <source>Run</source>
        <translation>Прогон</translation>
    </message>
    <message>
        <source>How close to the persona?</source>
        <translation>Насколько похоже на персону?</translation>
    </message>
    <message>
        <source>1: nothing like her · 5: just like her</source>
        <translation>1 — совсем не похоже · 5 — точно как она</translation>
    </message>
    <message>
        <source>Best answer to this question</source>
        <translation>Лучший ответ на этот вопрос</translation>
    </message>
    <message>
        <source>Correct and save as pair…</source>
        <translation>Исправить и сохранить как пару…</translation>
    </message>
    <message>
        <source>Model</source>
        <translation>Модель</translation>
    </message>
    <message>
        <source>Answered</source>
        <translation>Ответов</translation>
    </message>
    <message>
        <source>Errors</source>
        <translation>Ошибок</translation>
    </message>
    <message>
        <source>Mean rating</source>
        <translation>Средняя оценка</translation>
    </message>
    <message>
        <source>Best picks</source>
        <translation>Выбрана лучшей</translation>
    </message>
    <message>
        <source>Wording like hers</source>
        <translation>Похожесть слов</translation>
    </message>
    <message>
        <source>Length vs hers</source>
        <translation>Длина к её ответу</translation>
    </message>
    <message>
        <source>“Wording like hers”: how much the words overlap with the persona's real answers (0-100). “Length vs hers”: 1.0 means as long as hers.</source>
        <translation>«Похожесть слов»: насколько слова совпадают с настоящими ответами персоны (0–100). «Длина к её ответу»: 1.0 — такой же длины, как у неё.</translation>
    </message>
    <message numerus="yes">
        <source>{name} (%n question(s))</source>
        <translation>
            <numerusform>{name} (%n вопрос)</numerusform>
            <numerusform>{name} (%n вопроса)</numerusform>
            <numerusform>{name} (%n вопросов)</numerusform>
        </translation>
    </message>
    <message>
        <source>No snapshot has held-out questions yet. Freeze a snapshot with a held-out set on the Statistics tab: those questions stay out of training, so they show how the model does on questions it has never seen.</source>
        <translation>Пока ни в одном снимке нет отложенных вопросов. Создайте снимок с отложенными вопросами на вкладке «Статистика»: эти вопросы не попадают в обучение и показывают, как модель справляется с вопросами, которых никогда не видела.</translation>
    </message>
    <message>
        <source>Add models with “Models…” to ask them these questions.</source>
        <translation>Добавьте модели кнопкой «Модели…», чтобы задать им эти вопросы.</translation>
    </message>
    <message>
        <source>running</source>
        <translation>идёт</translation>
    </message>
    <message>
        <source>finished</source>
        <translation>завершён</translation>
    </message>
    <message>
        <source>stopped</source>
        <translation>остановлен</translation>
    </message>
    <message>
        <source>Held-out questions</source>
        <translation>Отложенные вопросы</translation>
    </message>
    <message>
        <source>{done} of {total} answers</source>
        <translation>{done} из {total} ответов</translation>
    </message>
    <message>
        <source>Question</source>
        <translation>Вопрос</translation>
    </message>
    <message>
        <source>Her real answer</source>
        <translation>Её настоящий ответ</translation>
    </message>
    <message>
        <source>Select a model's answer to read it in full, rate it or correct it.</source>
        <translation>Выберите ответ модели, чтобы прочитать его целиком, оценить или исправить.</translation>
    </message>
    <message>
        <source>Question:</source>
        <translation>Вопрос:</translation>
    </message>
    <message>
        <source>Her real answer:</source>
        <translation>Её настоящий ответ:</translation>
    </message>
    <message>
        <source>{model}:</source>
        <translation>{model}:</translation>
    </message>
    <message>
        <source>First token after {s} s</source>
        <translation>Первый токен через {s} с</translation>
    </message>
    <message>
        <source>Saved as a new training pair.</source>
        <translation>Сохранено как новая обучающая пара.</translation>
    </message>
</context>
<context>
    <name>ModelRow</name>
    <message>
        <source>likely {low}–{high}</source>
        <translation>вероятно {low}–{high}</translation>
    </message>
    <message>
        <source>95% of the scores on other questions like these would fall in this range.</source>
        <translation>На других похожих вопросах оценка в 95% случаев попала бы в этот диапазон.</translation>
    </message>
    <message numerus="yes">
        <source>%n votes</source>
        <translation>
            <numerusform>%n голос</numerusform>
            <numerusform>%n голоса</numerusform>
            <numerusform>%n голосов</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Unanswered questions: %n. The score leaves them out.</source>
        <translation>
            <numerusform>Вопросов без ответа: %n. В оценку они не вошли.</numerusform>
            <numerusform>Вопросов без ответа: %n. В оценку они не вошли.</numerusform>
            <numerusform>Вопросов без ответа: %n. В оценку они не вошли.</numerusform>
        </translation>
    </message>
    <message>
        <source>Closest to hers</source>
        <translation>Ближе всего к её ответу</translation>
    </message>
    <message>
        <source>Furthest from hers</source>
        <translation>Дальше всего от её ответа</translation>
    </message>
</context>
<context>
    <name>ModelsDialog</name>
    <message>
        <source>Models</source>
        <translation>Модели</translation>
    </message>
    <message>
        <source>New model</source>
        <translation>Новая модель</translation>
    </message>
    <message>
        <source>Add models of finished jobs</source>
        <translation>Добавить модели завершённых обучений</translation>
    </message>
    <message>
        <source>Every tuned model of this project's jobs, with the base model it was tuned from</source>
        <translation>Все обученные модели этого проекта вместе с базовыми моделями, из которых они обучены</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Удалить</translation>
    </message>
    <message>
        <source>e.g. Наташа v2, or Llama on my laptop</source>
        <translation>например, Наташа v2 или Llama на моём ноутбуке</translation>
    </message>
    <message>
        <source>OpenAI-compatible server (Ollama, LM Studio, vLLM, Kimi…)</source>
        <translation>Сервер, совместимый с OpenAI (Ollama, LM Studio, vLLM, Kimi…)</translation>
    </message>
    <message>
        <source>Local model (this computer)</source>
        <translation>Локальная модель (этот компьютер)</translation>
    </message>
    <message>
        <source>Fill in a known server…</source>
        <translation>Подставить известный сервер…</translation>
    </message>
    <message>
        <source>Leave empty if the server needs no key</source>
        <translation>Оставьте пустым, если серверу не нужен ключ</translation>
    </message>
    <message>
        <source>The model's name on the server, e.g. llama3.1</source>
        <translation>Имя модели на сервере, например llama3.1</translation>
    </message>
    <message>
        <source>A model folder, or an id such as Qwen/Qwen2.5-0.5B-Instruct</source>
        <translation>Папка с моделью или название, например Qwen/Qwen2.5-0.5B-Instruct</translation>
    </message>
    <message>
        <source>Optional: a LoRA adapter folder</source>
        <translation>Необязательно: папка адаптера LoRA</translation>
    </message>
    <message>
        <source>Check</source>
        <translation>Проверить</translation>
    </message>
    <message>
        <source>Ask the server which models it has</source>
        <translation>Спросить у сервера, какие модели у него есть</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Сохранить</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Закрыть</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Название</translation>
    </message>
    <message>
        <source>Provider</source>
        <translation>Провайдер</translation>
    </message>
    <message>
        <source>Server address</source>
        <translation>Адрес сервера</translation>
    </message>
    <message>
        <source>API key</source>
        <translation>API-ключ</translation>
    </message>
    <message>
        <source>Model</source>
        <translation>Модель</translation>
    </message>
    <message>
        <source>Base model</source>
        <translation>Базовая модель</translation>
    </message>
    <message>
        <source>Choose the base model's folder</source>
        <translation>Выберите папку базовой модели</translation>
    </message>
    <message>
        <source>Adapter</source>
        <translation>Адаптер</translation>
    </message>
    <message>
        <source>Choose the adapter's folder</source>
        <translation>Выберите папку адаптера</translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>Обзор…</translation>
    </message>
    <message>
        <source>Local models are not installed ({names} missing). Add them with: {command}</source>
        <translation>Локальные модели не установлены (нет: {names}). Добавьте их командой: {command}</translation>
    </message>
    <message>
        <source>Answers come from this computer, in a separate process; the first answer waits while the model loads. With an adapter, the base model it was trained on is used.</source>
        <translation>Ответы даёт этот компьютер в отдельном процессе; первый ответ ждёт, пока загрузится модель. С адаптером используется базовая модель, на которой он обучен.</translation>
    </message>
    <message>
        <source>The key is kept in the system's password store, never in the project file.</source>
        <translation>Ключ хранится в системном хранилище паролей и никогда не попадает в файл проекта.</translation>
    </message>
    <message>
        <source>Uses the account set in Settings → Providers.</source>
        <translation>Используется учётная запись из «Настройки → Провайдеры».</translation>
    </message>
    <message>
        <source>The model was not saved</source>
        <translation>Модель не сохранена</translation>
    </message>
    <message>
        <source>No password store is available: the key is kept until the app closes.</source>
        <translation>Системное хранилище паролей недоступно: ключ сохранится только до закрытия программы.</translation>
    </message>
    <message>
        <source>Delete model</source>
        <translation>Удалить модель</translation>
    </message>
    <message>
        <source>Delete “{name}” from the list? Its votes, chats and held-out answers stay, under “deleted model”.</source>
        <translation>Удалить «{name}» из списка? Её голоса, чаты и ответы на отложенные вопросы останутся под именем «удалённая модель».</translation>
    </message>
    <message numerus="yes">
        <source>%n model(s) added.</source>
        <translation>
            <numerusform>Добавлена %n модель.</numerusform>
            <numerusform>Добавлено %n модели.</numerusform>
            <numerusform>Добавлено %n моделей.</numerusform>
        </translation>
    </message>
    <message>
        <source>Every finished job's models are already in the list.</source>
        <translation>Модели всех завершённых обучений уже есть в списке.</translation>
    </message>
    <message>
        <source>Checking…</source>
        <translation>Проверяем…</translation>
    </message>
    <message>
        <source>Checking the model</source>
        <translation>Проверка модели</translation>
    </message>
    <message>
        <source>Ready: {found}</source>
        <translation>Готово: {found}</translation>
    </message>
    <message>
        <source>The server answered, but has no model named “{model}”. It has: {models}</source>
        <translation>Сервер ответил, но модели «{model}» у него нет. Есть: {models}</translation>
    </message>
    <message numerus="yes">
        <source>The server answered; %n model(s) available.</source>
        <translation>
            <numerusform>Сервер ответил; доступна %n модель.</numerusform>
            <numerusform>Сервер ответил; доступно %n модели.</numerusform>
            <numerusform>Сервер ответил; доступно %n моделей.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ReportCard</name>
    <message>
        <source>How much each model sounds like her</source>
        <translation>Насколько каждая модель похожа на неё</translation>
    </message>
    <message numerus="yes">
        <source>{title} · %n held-out question(s)</source>
        <translation>
            <numerusform>{title} · %n отложенный вопрос</numerusform>
            <numerusform>{title} · %n отложенных вопроса</numerusform>
            <numerusform>{title} · %n отложенных вопросов</numerusform>
        </translation>
    </message>
    <message>
        <source>stopped before the end: scored on the answers it has</source>
        <translation>остановлено до конца: оценено по полученным ответам</translation>
    </message>
    <message>
        <source>Score across fine-tunes</source>
        <translation>Оценка от дообучения к дообучению</translation>
    </message>
    <message>
        <source>Each tuned model's latest score, in the order they were tuned, with its likely range.</source>
        <translation>Последняя оценка каждой дообученной модели в порядке дообучения, с вероятным диапазоном.</translation>
    </message>
</context>
<context>
    <name>SessionsDialog</name>
    <message>
        <source>Saved chats</source>
        <translation>Сохранённые чаты</translation>
    </message>
    <message>
        <source>No saved chats yet. Every chat is kept as you go; it appears here after the first question.</source>
        <translation>Сохранённых чатов пока нет. Каждый чат сохраняется сам по ходу разговора и появляется здесь после первого вопроса.</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>Открыть</translation>
    </message>
    <message>
        <source>Rename…</source>
        <translation>Переименовать…</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Удалить</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Закрыть</translation>
    </message>
    <message numerus="yes">
        <source>{title} — %n message(s), {date}</source>
        <translation>
            <numerusform>{title} — %n сообщение, {date}</numerusform>
            <numerusform>{title} — %n сообщения, {date}</numerusform>
            <numerusform>{title} — %n сообщений, {date}</numerusform>
        </translation>
    </message>
    <message>
        <source>Rename chat</source>
        <translation>Переименовать чат</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Название</translation>
    </message>
    <message>
        <source>The chat was not renamed</source>
        <translation>Чат не переименован</translation>
    </message>
    <message>
        <source>Delete chat</source>
        <translation>Удалить чат</translation>
    </message>
    <message>
        <source>Delete “{title}” and its messages? Votes and training pairs made from it stay.</source>
        <translation>Удалить «{title}» и его сообщения? Голоса и обучающие пары, сделанные из него, останутся.</translation>
    </message>
</context>
<context>
    <name>SideBySideView</name>
    <message>
        <source>The adapter is on this computer: ask again.</source>
        <translation>Адаптер на этом компьютере: спросите ещё раз.</translation>
    </message>
    <message>
        <source>“{name}” is deployed: ask again. The first answer may take a few minutes while the model loads.</source>
        <translation>«{name}» развёрнута: спросите ещё раз. Первый ответ может занять несколько минут, пока модель загружается.</translation>
    </message>
    <message>
        <source>New chat</source>
        <translation>Новый чат</translation>
    </message>
    <message>
        <source>Saved chats…</source>
        <translation>Сохранённые чаты…</translation>
    </message>
    <message>
        <source>Export…</source>
        <translation>Экспорт…</translation>
    </message>
    <message>
        <source>Save this chat as a Markdown or JSON file</source>
        <translation>Сохранить этот чат в файл Markdown или JSON</translation>
    </message>
    <message>
        <source>Add column</source>
        <translation>Добавить колонку</translation>
    </message>
    <message>
        <source>Ask what members really ask… (Ctrl+Enter sends)</source>
        <translation>Спросите то, что действительно спрашивают участники… (Ctrl+Enter — отправить)</translation>
    </message>
    <message>
        <source>Send to all</source>
        <translation>Отправить всем</translation>
    </message>
    <message>
        <source>Stop</source>
        <translation>Стоп</translation>
    </message>
    <message>
        <source>Ask again</source>
        <translation>Спросить снова</translation>
    </message>
    <message>
        <source>Send the last question again to the models that did not answer it</source>
        <translation>Отправить последний вопрос ещё раз моделям, которые на него не ответили</translation>
    </message>
    <message>
        <source>Export chat</source>
        <translation>Экспорт чата</translation>
    </message>
    <message>
        <source>Markdown (*.md);;JSON (*.json)</source>
        <translation>Markdown (*.md);;JSON (*.json)</translation>
    </message>
    <message>
        <source>The chat was not exported</source>
        <translation>Чат не экспортирован</translation>
    </message>
    <message>
        <source>Chat exported to {path}</source>
        <translation>Чат сохранён в {path}</translation>
    </message>
    <message>
        <source>Choose a model for this column.</source>
        <translation>Выберите модель для этой колонки.</translation>
    </message>
    <message>
        <source>Answer of {model}</source>
        <translation>Ответ модели {model}</translation>
    </message>
    <message>
        <source>Asking again…</source>
        <translation>Спрашиваем снова…</translation>
    </message>
    <message>
        <source>Saved as a new training pair.</source>
        <translation>Сохранено как новая обучающая пара.</translation>
    </message>
</context>
<context>
    <name>TestChat</name>
    <message>
        <source>tuned</source>
        <translation>обученная</translation>
    </message>
    <message>
        <source>base</source>
        <translation>базовая</translation>
    </message>
    <message>
        <source>server</source>
        <translation>сервер</translation>
    </message>
    <message>
        <source>first token {s} s</source>
        <translation>первый токен {s} с</translation>
    </message>
    <message>
        <source>{rate} tokens/s</source>
        <translation>{rate} токенов/с</translation>
    </message>
    <message>
        <source>{s} s in all</source>
        <translation>всего {s} с</translation>
    </message>
    <message>
        <source>No models yet: add one with “Models…”</source>
        <translation>Моделей пока нет: добавьте кнопкой «Модели…»</translation>
    </message>
    <message>
        <source>Answers appear here.</source>
        <translation>Здесь появятся ответы.</translation>
    </message>
    <message numerus="yes">
        <source>%n tokens</source>
        <translation>
            <numerusform>%n токен</numerusform>
            <numerusform>%n токена</numerusform>
            <numerusform>%n токенов</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>TestChatTab</name>
    <message>
        <source>Test chat</source>
        <translation>Тест-чат</translation>
    </message>
    <message>
        <source>Open or create a project to chat with its tuned models, the base models they came from, or any compatible server.</source>
        <translation>Откройте или создайте проект, чтобы поговорить с его обученными моделями, с базовыми моделями, из которых они получены, или с любым совместимым сервером.</translation>
    </message>
    <message>
        <source>No models to test yet</source>
        <translation>Пока нет моделей для проверки</translation>
    </message>
    <message>
        <source>Add a model: a tuned model from a finished fine-tune job, a provider's base model, or any OpenAI-compatible server such as Ollama or LM Studio.</source>
        <translation>Добавьте модель: обученную модель из завершённого обучения, базовую модель провайдера или любой сервер, совместимый с OpenAI, например Ollama или LM Studio.</translation>
    </message>
    <message>
        <source>Add a model…</source>
        <translation>Добавить модель…</translation>
    </message>
    <message>
        <source>Side by side</source>
        <translation>Рядом</translation>
    </message>
    <message>
        <source>Blind A/B</source>
        <translation>Слепое A/B</translation>
    </message>
    <message>
        <source>Held-out questions</source>
        <translation>Отложенные вопросы</translation>
    </message>
    <message>
        <source>Style fidelity</source>
        <translation>Сходство стиля</translation>
    </message>
    <message>
        <source>A report card: how much each model sounds like her, over the held-out questions</source>
        <translation>Табель: насколько каждая модель похожа на неё на отложенных вопросах</translation>
    </message>
    <message>
        <source>Models…</source>
        <translation>Модели…</translation>
    </message>
    <message>
        <source>Add a compatible server, or change and delete model entries</source>
        <translation>Добавить совместимый сервер, изменить или удалить модели</translation>
    </message>
    <message>
        <source>Chat models…</source>
        <translation>Модели для чата…</translation>
    </message>
    <message>
        <source>Closing local models</source>
        <translation>Закрываем локальные модели</translation>
    </message>
    <message numerus="yes">
        <source>%n model(s)</source>
        <translation>
            <numerusform>%n модель</numerusform>
            <numerusform>%n модели</numerusform>
            <numerusform>%n моделей</numerusform>
        </translation>
    </message>
    <message>
        <source>New tuned models are ready in Test chat; run the held-out questions again to compare them.</source>
        <translation>В тест-чате появились новые обученные модели; прогоните отложенные вопросы ещё раз, чтобы их сравнить.</translation>
    </message>
</context>
</TS>