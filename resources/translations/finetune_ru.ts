<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="ru">
<context>
    <name>BaseModelChoice</name>
    <message>
        <source>Update the list</source>
        <translation>Обновить список</translation>
    </message>
    <message>
        <source>Ask the provider which models it tunes today.</source>
        <translation>Спросить у провайдера, какие модели он дообучает сегодня.</translation>
    </message>
    <message>
        <source>Type any model the provider can tune; the list only suggests.</source>
        <translation>Введите любую модель, которую провайдер умеет обучать; список — лишь подсказка.</translation>
    </message>
    <message>
        <source>Kimi K2 is a very large model: training costs about twenty times as much per token as a small Qwen, and its deployment needs several GPUs. Try a small model first.</source>
        <translation>Kimi K2 — очень большая модель: обучение стоит примерно в двадцать раз дороже за токен, чем у небольшой Qwen, а для развёртывания нужно несколько видеокарт. Сначала попробуйте небольшую модель.</translation>
    </message>
    <message>
        <source>Asking which models can be tuned</source>
        <translation>Узнаём, какие модели можно дообучить</translation>
    </message>
    <message numerus="yes">
        <source>%n base model(s) can be tuned.</source>
        <translation>
            <numerusform>Можно дообучить %n базовую модель.</numerusform>
            <numerusform>Можно дообучить %n базовые модели.</numerusform>
            <numerusform>Можно дообучить %n базовых моделей.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>CloudOptions</name>
    <message>
        <source>Auto</source>
        <translation>Авто</translation>
    </message>
    <message>
        <source>Epochs:</source>
        <translation>Эпохи:</translation>
    </message>
    <message>
        <source>How many times the model reads the whole dataset. Auto lets the provider choose; 3–4 suits most datasets.</source>
        <translation>Сколько раз модель прочитает весь набор. «Авто» — выбор провайдера; для большинства наборов подходит 3–4.</translation>
    </message>
    <message>
        <source>Learning rate ×:</source>
        <translation>Скорость обучения ×:</translation>
    </message>
    <message>
        <source>Lower it if the loss jumps around; raise it if the model barely changes.</source>
        <translation>Уменьшите, если потери (loss) скачут; увеличьте, если модель почти не меняется.</translation>
    </message>
    <message>
        <source>Batch size:</source>
        <translation>Размер пакета:</translation>
    </message>
    <message>
        <source>Examples per training step (OpenAI only).</source>
        <translation>Примеров на один шаг обучения (только OpenAI).</translation>
    </message>
    <message>
        <source>Adapter size:</source>
        <translation>Размер адаптера:</translation>
    </message>
    <message>
        <source>Larger adapters learn more, and overfit sooner (Vertex AI only).</source>
        <translation>Большой адаптер усваивает больше, но быстрее переобучается (только Vertex AI).</translation>
    </message>
</context>
<context>
    <name>Confirm</name>
    <message>
        <source>{provider} no longer accepts new fine-tuning jobs: it stopped on {date}.</source>
        <translation>{provider} больше не принимает новые задания на дообучение: приём закончился {date}.</translation>
    </message>
    <message>
        <source>Tune with {first}, {second} or local training on this computer instead. Chatting with models you already tuned on {provider} still works.</source>
        <translation>Дообучите модель в {first}, {second} или на этом компьютере. Чат с моделями, которые вы уже дообучили в {provider}, по-прежнему работает.</translation>
    </message>
    <message>
        <source>from an hour to a day (Yandex's own estimate)</source>
        <translation>от часа до суток (по оценке самого Яндекса)</translation>
    </message>
    <message>
        <source>minutes to an hour with a graphics card for a small model; hours on the processor alone</source>
        <translation>с видеокартой — от нескольких минут до часа для небольшой модели; на одном процессоре — часы</translation>
    </message>
    <message>
        <source>usually 30 minutes to a few hours, most of it waiting in the provider's queue</source>
        <translation>обычно от 30 минут до нескольких часов, бо́льшая часть — ожидание в очереди у провайдера</translation>
    </message>
    <message>
        <source>Price check:</source>
        <translation>Проверка цены:</translation>
    </message>
    <message>
        <source>Together AI prices the job once the file is uploaded; if your balance cannot cover it, nothing starts and the file is deleted</source>
        <translation>Together AI оценит задачу, когда файл загрузится; если баланса не хватит, ничего не начнётся, а файл будет удалён</translation>
    </message>
    <message>
        <source>Chat after:</source>
        <translation>Чат потом:</translation>
    </message>
    <message>
        <source>free on this computer with the downloaded adapter, or on a Together AI endpoint billed per minute</source>
        <translation>бесплатно на этом компьютере со скачанным адаптером или на эндпоинте Together AI с поминутной оплатой</translation>
    </message>
    <message>
        <source>needs a deployment at Fireworks AI, billed per second of GPU time; you are asked before one is made</source>
        <translation>нужно развёртывание в Fireworks AI с посекундной оплатой времени видеокарты; перед его созданием вас спросят</translation>
    </message>
    <message>
        <source>training is not billed during Preview; chatting with the tuned model is billed like the base model</source>
        <translation>пока идёт Preview, обучение бесплатно; чат с дообученной моделью оплачивается как с базовой</translation>
    </message>
    <message>
        <source>nothing: it runs on your own computer</source>
        <translation>ничего: обучение идёт на вашем компьютере</translation>
    </message>
    <message>
        <source>unknown (no published price for this model)</source>
        <translation>неизвестна (у этой модели нет опубликованной цены)</translation>
    </message>
    <message>
        <source>Provider:</source>
        <translation>Провайдер:</translation>
    </message>
    <message>
        <source>Base model:</source>
        <translation>Базовая модель:</translation>
    </message>
    <message>
        <source>{train} for training, {valid} for validation</source>
        <translation>{train} для обучения, {valid} для проверки</translation>
    </message>
    <message>
        <source>Examples:</source>
        <translation>Примеры:</translation>
    </message>
    <message>
        <source>Tokens:</source>
        <translation>Токены:</translation>
    </message>
    <message>
        <source>≈ {cost} {currency} for {tokens} billed tokens</source>
        <translation>≈ {cost} {currency} за {tokens} оплачиваемых токенов</translation>
    </message>
    <message>
        <source>about {tokens} in the training file</source>
        <translation>около {tokens} в обучающем файле</translation>
    </message>
    <message>
        <source>Estimated cost:</source>
        <translation>Примерная цена:</translation>
    </message>
    <message>
        <source>Estimated time:</source>
        <translation>Примерное время:</translation>
    </message>
    <message>
        <source>{company}, {country}</source>
        <translation>{company}, {country}</translation>
    </message>
    <message>
        <source>kept there after the job ends, as you chose</source>
        <translation>останется там после окончания задания, как вы выбрали</translation>
    </message>
    <message>
        <source>deleted from there when the job ends</source>
        <translation>будет удалён оттуда, когда задание закончится</translation>
    </message>
    <message>
        <source>Data goes to:</source>
        <translation>Куда уходят данные:</translation>
    </message>
    <message>
        <source>Uploaded file:</source>
        <translation>Загруженный файл:</translation>
    </message>
    <message>
        <source>Send the dataset to {company} and start training?</source>
        <translation>Отправить датасет в {company} и начать обучение?</translation>
    </message>
    <message>
        <source>nowhere: it stays on this computer</source>
        <translation>никуда: всё остаётся на этом компьютере</translation>
    </message>
    <message>
        <source>Start training on this computer?</source>
        <translation>Начать обучение на этом компьютере?</translation>
    </message>
    <message numerus="yes">
        <source>%n pair(s) still contain members' personal data (names, phone numbers, addresses).</source>
        <translation>
            <numerusform>В %n паре остались личные данные участников (имена, телефоны, адреса).</numerusform>
            <numerusform>В %n парах остались личные данные участников (имена, телефоны, адреса).</numerusform>
            <numerusform>В %n парах остались личные данные участников (имена, телефоны, адреса).</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Finetune</name>
    <message>
        <source>Preparing</source>
        <translation>Подготовка</translation>
    </message>
    <message>
        <source>Uploading</source>
        <translation>Загрузка</translation>
    </message>
    <message>
        <source>Checking files</source>
        <translation>Проверка файлов</translation>
    </message>
    <message>
        <source>Queued</source>
        <translation>В очереди</translation>
    </message>
    <message>
        <source>Training</source>
        <translation>Обучение</translation>
    </message>
    <message>
        <source>Finished</source>
        <translation>Готово</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>Ошибка</translation>
    </message>
    <message>
        <source>Cancelling</source>
        <translation>Отмена…</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>Отменено</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>Завершено</translation>
    </message>
    <message>
        <source>OpenAI-compatible server</source>
        <translation>Сервер, совместимый с OpenAI</translation>
    </message>
    <message>
        <source>Local training</source>
        <translation>Локальное обучение</translation>
    </message>
    <message>
        <source>{h} h {m} min</source>
        <translation>{h} ч {m} мин</translation>
    </message>
    <message>
        <source>{m} min {s} s</source>
        <translation>{m} мин {s} с</translation>
    </message>
    <message>
        <source>{s} s</source>
        <translation>{s} с</translation>
    </message>
</context>
<context>
    <name>FinetuneCli</name>
    <message>
        <source>Say where to train with --provider (or follow an earlier job with --follow JOB).</source>
        <translation>Укажите, где обучать, через --provider (или следите за прежней задачей через --follow НОМЕР).</translation>
    </message>
    <message>
        <source>Say which base model to tune with --model.</source>
        <translation>Укажите базовую модель для обучения в --model.</translation>
    </message>
    <message>
        <source>Froze snapshot “{name}” ({n} pairs).</source>
        <translation>Снимок «{name}» сохранён (пар: {n}).</translation>
    </message>
    <message>
        <source>Using snapshot “{name}” ({n} pairs), which has the same content.</source>
        <translation>Используется снимок «{name}» (пар: {n}) с тем же содержимым.</translation>
    </message>
    <message>
        <source>The dataset has errors the provider would reject; nothing was sent.</source>
        <translation>В наборе данных есть ошибки, из-за которых провайдер его не примет; ничего не отправлено.</translation>
    </message>
    <message>
        <source>Uploading: {percent}%</source>
        <translation>Загрузка: {percent}%</translation>
    </message>
    <message>
        <source>Job #{id} started: {remote_id}</source>
        <translation>Задача №{id} запущена: {remote_id}</translation>
    </message>
    <message>
        <source>Nothing was sent: the launch needs a confirmation. Add --yes to launch without asking.</source>
        <translation>Ничего не отправлено: запуск нужно подтвердить. Добавьте --yes, чтобы запускать без вопроса.</translation>
    </message>
    <message>
        <source>{question} [y/N] </source>
        <translation>{question} [y/N] </translation>
    </message>
    <message>
        <source>Not launched; nothing was sent.</source>
        <translation>Не запущено, ничего не отправлено.</translation>
    </message>
    <message>
        <source>Local training is not installed (missing: {names}). Install it with: {command}</source>
        <translation>Локальное обучение не установлено (нет: {names}). Установите его командой: {command}</translation>
    </message>
    <message>
        <source>state: {state}</source>
        <translation>статус: {state}</translation>
    </message>
    <message>
        <source>step {step}, training loss {loss:.3f}</source>
        <translation>шаг {step}, потери на обучении {loss:.3f}</translation>
    </message>
    <message>
        <source>step {step}, {percent}% done</source>
        <translation>шаг {step}, готово {percent}%</translation>
    </message>
    <message>
        <source>Stopped following job #{id}; it goes on at the provider. Follow it again with: natasha-studio finetune {project} --follow {id}</source>
        <translation>Слежение за задачей №{id} остановлено; у провайдера она продолжается. Следить снова: natasha-studio finetune {project} --follow {id}</translation>
    </message>
    <message>
        <source>Tuned model: {model}</source>
        <translation>Обученная модель: {model}</translation>
    </message>
    <message>
        <source>The job ended as {state}: {error}</source>
        <translation>Задача завершилась со статусом {state}: {error}</translation>
    </message>
    <message>
        <source>Job #{id} never reached the provider; there is nothing to follow.</source>
        <translation>Задача №{id} так и не дошла до провайдера: следить не за чем.</translation>
    </message>
    <message>
        <source>The job ended as {state}.</source>
        <translation>Задача завершилась со статусом {state}.</translation>
    </message>
    <message>
        <source>The adapter could not be downloaded: {reason}</source>
        <translation>Адаптер не удалось скачать: {reason}</translation>
    </message>
    <message>
        <source>Adapter on this computer: {path}</source>
        <translation>Адаптер на этом компьютере: {path}</translation>
    </message>
    <message>
        <source>Job #{id} could not be checked: {reason}</source>
        <translation>Не удалось проверить задачу №{id}: {reason}</translation>
    </message>
    <message>
        <source>No fine-tune jobs yet.</source>
        <translation>Задач обучения пока нет.</translation>
    </message>
    <message>
        <source>(could not check: {reason})</source>
        <translation>(не удалось проверить: {reason})</translation>
    </message>
    <message>
        <source>Job #{id} has already ended as {state}.</source>
        <translation>Задача №{id} уже завершилась: {state}.</translation>
    </message>
    <message>
        <source>Job #{id}: {state}.</source>
        <translation>Задача №{id}: {state}.</translation>
    </message>
</context>
<context>
    <name>FinetuneTab</name>
    <message>
        <source>Fine-tune</source>
        <translation>Обучение</translation>
    </message>
    <message>
        <source>Open or create a project to tune a model on its approved pairs and follow the training here.</source>
        <translation>Откройте или создайте проект, чтобы обучить модель на одобренных парах и следить за обучением здесь.</translation>
    </message>
    <message>
        <source>Tune a model on a frozen snapshot of your pairs, then try it in the Test chat.</source>
        <translation>Обучите модель на сохранённом снимке пар, а затем проверьте её в тест-чате.</translation>
    </message>
    <message>
        <source>Providers…</source>
        <translation>Провайдеры…</translation>
    </message>
    <message>
        <source>New fine-tune</source>
        <translation>Новое обучение</translation>
    </message>
    <message>
        <source>Jobs</source>
        <translation>Задачи</translation>
    </message>
    <message>
        <source>#</source>
        <translation>№</translation>
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
        <source>Model</source>
        <translation>Модель</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Статус</translation>
    </message>
    <message>
        <source>Started</source>
        <translation>Начало</translation>
    </message>
    <message>
        <source>No jobs yet. Launch one above; it will be kept here, even if you close the app while it trains.</source>
        <translation>Задач пока нет. Запустите обучение выше — задача сохранится здесь, даже если закрыть программу во время обучения.</translation>
    </message>
    <message>
        <source>Fine-tune providers…</source>
        <translation>Провайдеры обучения…</translation>
    </message>
    <message>
        <source>Cannot launch</source>
        <translation>Не удаётся запустить</translation>
    </message>
    <message>
        <source>Launching the fine-tune</source>
        <translation>Запуск обучения</translation>
    </message>
    <message>
        <source>Following job #{id}</source>
        <translation>Отслеживание задачи №{id}</translation>
    </message>
    <message>
        <source>Job #{id}</source>
        <translation>Задача №{id}</translation>
    </message>
    <message>
        <source>“{name}” finished: {model}</source>
        <translation>«{name}» готово: {model}</translation>
    </message>
    <message>
        <source>“{name}” failed: {error}</source>
        <translation>«{name}» не удалось: {error}</translation>
    </message>
    <message>
        <source>“{name}” was cancelled.</source>
        <translation>«{name}» отменено.</translation>
    </message>
    <message>
        <source>The training on this computer stops and its adapter is not saved. Cancel the job?</source>
        <translation>Обучение на этом компьютере остановится, адаптер не сохранится. Отменить задачу?</translation>
    </message>
    <message>
        <source>Cancel the job?</source>
        <translation>Отменить задачу?</translation>
    </message>
    <message>
        <source>Choose a folder for the merged model</source>
        <translation>Выберите папку для объединённой модели</translation>
    </message>
    <message>
        <source>Merging the adapter into {model}… This takes a few minutes and needs the whole model in memory.</source>
        <translation>Адаптер объединяется с моделью {model}… Это займёт несколько минут, и вся модель должна поместиться в память.</translation>
    </message>
    <message>
        <source>The merged model is saved in {path}.</source>
        <translation>Объединённая модель сохранена в {path}.</translation>
    </message>
    <message>
        <source>Exporting the merged model of job #{id}</source>
        <translation>Экспорт объединённой модели задачи №{id}</translation>
    </message>
    <message>
        <source>The export was stopped.</source>
        <translation>Экспорт остановлен.</translation>
    </message>
    <message>
        <source>The export failed: {error}</source>
        <translation>Экспорт не удался: {error}</translation>
    </message>
    <message>
        <source>The provider stops training; what it has done so far may still be billed. Cancel the job?</source>
        <translation>Провайдер остановит обучение; уже выполненная часть может быть оплачена. Отменить задачу?</translation>
    </message>
    <message>
        <source>Step-by-step set-up of each provider: the account, keys and a connection test.</source>
        <translation>Пошаговая настройка каждого провайдера: аккаунт, ключи и проверка подключения.</translation>
    </message>
    <message>
        <source>Cannot cancel</source>
        <translation>Не удаётся отменить</translation>
    </message>
    <message>
        <source>Cancelling job #{id}</source>
        <translation>Отмена задачи №{id}</translation>
    </message>
    <message>
        <source>Tune #{id}</source>
        <translation>Обучение №{id}</translation>
    </message>
    <message>
        <source>Cannot open the model</source>
        <translation>Не удаётся открыть модель</translation>
    </message>
</context>
<context>
    <name>JobView</name>
    <message>
        <source>Choose a job in the list to follow it here, or launch a new one.</source>
        <translation>Выберите задачу в списке, чтобы следить за ней здесь, или запустите новую.</translation>
    </message>
    <message>
        <source>Started:</source>
        <translation>Начало:</translation>
    </message>
    <message>
        <source>Time:</source>
        <translation>Время:</translation>
    </message>
    <message>
        <source>Speed:</source>
        <translation>Скорость:</translation>
    </message>
    <message>
        <source>Progress:</source>
        <translation>Ход обучения:</translation>
    </message>
    <message>
        <source>Snapshot:</source>
        <translation>Снимок:</translation>
    </message>
    <message>
        <source>Settings:</source>
        <translation>Настройки:</translation>
    </message>
    <message>
        <source>Provider's job id:</source>
        <translation>Номер задачи у провайдера:</translation>
    </message>
    <message>
        <source>Tuned model:</source>
        <translation>Обученная модель:</translation>
    </message>
    <message>
        <source>Test in chat</source>
        <translation>Проверить в чате</translation>
    </message>
    <message>
        <source>Save the tuned model in the project and open it in the Test chat tab.</source>
        <translation>Сохранить обученную модель в проекте и открыть её на вкладке «Тест-чат».</translation>
    </message>
    <message>
        <source>Cancel job</source>
        <translation>Отменить задачу</translation>
    </message>
    <message>
        <source>Ask the provider to stop training. Training done so far may still be billed.</source>
        <translation>Попросить провайдера остановить обучение. Уже выполненная часть может быть оплачена.</translation>
    </message>
    <message>
        <source>Export merged model…</source>
        <translation>Экспорт объединённой модели…</translation>
    </message>
    <message>
        <source>Fold the adapter into its base model and save a full model folder that other tools can load.</source>
        <translation>Объединить адаптер с базовой моделью и сохранить папку с полной моделью, которую откроют другие программы.</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Время</translation>
    </message>
    <message>
        <source>Event</source>
        <translation>Событие</translation>
    </message>
    <message>
        <source>Step</source>
        <translation>Шаг</translation>
    </message>
    <message>
        <source>Training loss</source>
        <translation>Потери на обучении</translation>
    </message>
    <message>
        <source>Validation loss</source>
        <translation>Потери на проверке</translation>
    </message>
    <message>
        <source>Model</source>
        <translation>Модель</translation>
    </message>
    <message>
        <source>No checkpoints: the provider keeps none for this job, or the job has not reached its first one yet.</source>
        <translation>Контрольных точек нет: провайдер не сохраняет их для этой задачи или задача ещё не дошла до первой.</translation>
    </message>
    <message>
        <source>Loss</source>
        <translation>Потери (loss)</translation>
    </message>
    <message>
        <source>Events</source>
        <translation>События</translation>
    </message>
    <message>
        <source>Checkpoints</source>
        <translation>Контрольные точки</translation>
    </message>
    <message>
        <source>Job #{id}</source>
        <translation>Задача №{id}</translation>
    </message>
    <message>
        <source>{name} — {model} on this computer</source>
        <translation>{name} — {model} на этом компьютере</translation>
    </message>
    <message>
        <source>{name} — {model} on {provider}</source>
        <translation>{name} — {model}, {provider}</translation>
    </message>
    <message>
        <source>Could not check the job: {reason}</source>
        <translation>Не удалось проверить задачу: {reason}</translation>
    </message>
    <message>
        <source>Not yet</source>
        <translation>Пока нет</translation>
    </message>
    <message>
        <source>Stop the training on this computer; nothing is saved.</source>
        <translation>Остановить обучение на этом компьютере; ничего не сохранится.</translation>
    </message>
    <message>
        <source>Vertex AI does not report the loss while training; follow the events.</source>
        <translation>Vertex AI не сообщает потери (loss) во время обучения; следите за событиями.</translation>
    </message>
    <message>
        <source>Yandex AI Studio does not report the loss while training: the progress line above counts its steps.</source>
        <translation>Yandex AI Studio не сообщает потери (loss) во время обучения: за ходом следите по шагам в строке выше.</translation>
    </message>
    <message>
        <source>Fireworks AI does not report the loss; the bar above shows how far it is.</source>
        <translation>Fireworks AI не сообщает потери; полоса выше показывает, сколько пройдено.</translation>
    </message>
    <message>
        <source>Together AI reports the loss once training has started; until then the job waits in its queue.</source>
        <translation>Together AI присылает потери, когда обучение начнётся; до тех пор задача ждёт в очереди.</translation>
    </message>
    <message>
        <source>{rate} tokens/s</source>
        <translation>{rate} токенов/с</translation>
    </message>
    <message>
        <source>{percent}% done</source>
        <translation>Готово {percent}%</translation>
    </message>
    <message>
        <source>Step {step} of {total} ({percent}%)</source>
        <translation>Шаг {step} из {total} ({percent}%)</translation>
    </message>
    <message>
        <source>epochs</source>
        <translation>эпохи</translation>
    </message>
    <message>
        <source>learning rate ×</source>
        <translation>скорость обучения ×</translation>
    </message>
    <message>
        <source>batch size</source>
        <translation>размер пакета</translation>
    </message>
    <message>
        <source>adapter size</source>
        <translation>размер адаптера</translation>
    </message>
    <message>
        <source>suffix</source>
        <translation>суффикс</translation>
    </message>
    <message>
        <source>seed</source>
        <translation>зерно</translation>
    </message>
    <message>
        <source>learning rate</source>
        <translation>скорость обучения</translation>
    </message>
    <message>
        <source>LoRA rank</source>
        <translation>ранг LoRA</translation>
    </message>
    <message>
        <source>LoRA alpha</source>
        <translation>альфа LoRA</translation>
    </message>
    <message>
        <source>LoRA dropout</source>
        <translation>dropout LoRA</translation>
    </message>
    <message>
        <source>target modules</source>
        <translation>целевые модули</translation>
    </message>
    <message>
        <source>maximum length</source>
        <translation>максимальная длина</translation>
    </message>
    <message>
        <source>4-bit</source>
        <translation>4 бита</translation>
    </message>
    <message>
        <source>device</source>
        <translation>устройство</translation>
    </message>
    <message>
        <source>step limit</source>
        <translation>предел шагов</translation>
    </message>
    <message>
        <source>samples</source>
        <translation>примеров</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>да</translation>
    </message>
    <message>
        <source>no</source>
        <translation>нет</translation>
    </message>
    <message>
        <source>provider's defaults</source>
        <translation>по умолчанию провайдера</translation>
    </message>
    <message>
        <source>about {time} left</source>
        <translation>осталось около {time}</translation>
    </message>
    <message>
        <source>should finish any moment</source>
        <translation>вот-вот закончится</translation>
    </message>
    <message>
        <source>Checkpoints ({n})</source>
        <translation>Контрольные точки ({n})</translation>
    </message>
</context>
<context>
    <name>Jobs</name>
    <message>
        <source>Choose the base model to fine-tune.</source>
        <translation>Выберите базовую модель для обучения.</translation>
    </message>
    <message>
        <source>There is no fine-tune job #{id} in this project.</source>
        <translation>В этом проекте нет задачи обучения №{id}.</translation>
    </message>
    <message>
        <source>There is no fine-tune job “{ref}” in this project.</source>
        <translation>В этом проекте нет задачи обучения «{ref}».</translation>
    </message>
    <message>
        <source>The app was closed before the job reached the provider. Launch it again.</source>
        <translation>Программу закрыли до того, как задача дошла до провайдера. Запустите её снова.</translation>
    </message>
    <message numerus="yes">
        <source>No connection to {provider}, trying again in %n s.</source>
        <translation>
            <numerusform>Нет связи с {provider}, новая попытка через %n с.</numerusform>
            <numerusform>Нет связи с {provider}, новая попытка через %n с.</numerusform>
            <numerusform>Нет связи с {provider}, новая попытка через %n с.</numerusform>
        </translation>
    </message>
    <message>
        <source>Starting the training process on this computer…</source>
        <translation>Запуск обучения на этом компьютере…</translation>
    </message>
    <message>
        <source>Uploading the dataset to {provider}…</source>
        <translation>Загрузка набора данных в {provider}…</translation>
    </message>
    <message>
        <source>The launch was stopped before the job started.</source>
        <translation>Запуск остановлен до начала задачи.</translation>
    </message>
    <message>
        <source>The job was created: {remote_id}</source>
        <translation>Задача создана: {remote_id}</translation>
    </message>
    <message>
        <source>Job #{id} never reached the provider; there is nothing to track.</source>
        <translation>Задача №{id} не дошла до провайдера; отслеживать нечего.</translation>
    </message>
    <message>
        <source>Cannot reach the provider; trying again. ({reason})</source>
        <translation>Провайдер недоступен; пробуем снова. ({reason})</translation>
    </message>
    <message>
        <source>The provider answers again.</source>
        <translation>Провайдер снова отвечает.</translation>
    </message>
    <message>
        <source>Cancellation requested.</source>
        <translation>Запрошена отмена.</translation>
    </message>
    <message>
        <source>The training data stays at {provider}, as you chose.</source>
        <translation>Обучающие данные остаются в {provider}, как вы выбрали.</translation>
    </message>
    <message>
        <source>The training data could not be deleted from {provider}: {reason} Delete it in the provider's console.</source>
        <translation>Не удалось удалить обучающие данные из {provider}: {reason} Удалите их в консоли провайдера.</translation>
    </message>
    <message>
        <source>The training data was deleted from {provider}.</source>
        <translation>Обучающие данные удалены из {provider}.</translation>
    </message>
</context>
<context>
    <name>LaunchConfirmDialog</name>
    <message>
        <source>Launch the fine-tune?</source>
        <translation>Запустить дообучение?</translation>
    </message>
    <message>
        <source>You can still cancel, redact them on the Pairs tab and freeze a new snapshot.</source>
        <translation>Ещё можно отменить запуск, скрыть эти данные на вкладке «Пары» и заморозить новый снимок.</translation>
    </message>
    <message>
        <source>Launch</source>
        <translation>Запустить</translation>
    </message>
</context>
<context>
    <name>LaunchPanel</name>
    <message>
        <source>Freeze approved pairs</source>
        <translation>Заморозить одобренные пары</translation>
    </message>
    <message>
        <source>Make a snapshot of the approved pairs as they are now (an identical existing one is reused).</source>
        <translation>Сделать снимок одобренных пар в их нынешнем виде (если такой уже есть, он будет использован).</translation>
    </message>
    <message>
        <source>Snapshot:</source>
        <translation>Снимок:</translation>
    </message>
    <message>
        <source>Provider:</source>
        <translation>Провайдер:</translation>
    </message>
    <message>
        <source>Base model:</source>
        <translation>Базовая модель:</translation>
    </message>
    <message>
        <source>e.g. Наташа v2</source>
        <translation>например, Наташа v2</translation>
    </message>
    <message>
        <source>Name:</source>
        <translation>Название:</translation>
    </message>
    <message>
        <source>Local (this computer)</source>
        <translation>Локально (этот компьютер)</translation>
    </message>
    <message>
        <source>Keep the uploaded file at the provider</source>
        <translation>Оставить загруженный файл у провайдера</translation>
    </message>
    <message>
        <source>By default the training file is deleted from the provider when the job ends. Keep it only if you mean to launch there again.</source>
        <translation>Обычно обучающий файл удаляется у провайдера, когда задание заканчивается. Оставляйте его, только если собираетесь запускать там обучение снова.</translation>
    </message>
    <message>
        <source>Check again</source>
        <translation>Проверить снова</translation>
    </message>
    <message>
        <source>Launch fine-tune</source>
        <translation>Запустить обучение</translation>
    </message>
    <message>
        <source>{name} — {n} pairs</source>
        <translation>{name} — пар: {n}</translation>
    </message>
    <message>
        <source>No snapshots yet: freeze the approved pairs</source>
        <translation>Снимков пока нет: заморозьте одобренные пары</translation>
    </message>
    <message>
        <source>Uploading: %p%</source>
        <translation>Загрузка: %p%</translation>
    </message>
    <message>
        <source>Trains a LoRA adapter on this computer: free, and the dataset never leaves it. A graphics card (NVIDIA or Apple) makes it fast.</source>
        <translation>Обучает адаптер LoRA на этом компьютере: бесплатно, и данные никуда не уходят. С видеокартой (NVIDIA или Apple) — быстро.</translation>
    </message>
    <message>
        <source>Tunes YandexGPT Lite in Yandex Cloud, paid in rubles; training is free while Yandex offers it as a Preview. Set the API key and folder under “Providers…”.</source>
        <translation>Дообучает YandexGPT Lite в Yandex Cloud, оплата в рублях; пока Яндекс предлагает дообучение как Preview, само обучение бесплатно. API-ключ и каталог задаются в разделе «Провайдеры…».</translation>
    </message>
    <message>
        <source>Tunes open models (Qwen, Llama) in the USA, paid in dollars; the trained adapter comes back to this computer for free chat. Set the API key under “Providers…”.</source>
        <translation>Дообучает открытые модели (Qwen, Llama) в США, оплата в долларах; обученный адаптер скачивается на этот компьютер, и чат с ним бесплатный. Укажите API-ключ в «Провайдеры…».</translation>
    </message>
    <message>
        <source>Tunes open models (Qwen, Llama, Kimi K2) in the USA, paid in dollars; chatting with the result needs a paid deployment. Set the API key and account under “Providers…”.</source>
        <translation>Дообучает открытые модели (Qwen, Llama, Kimi K2) в США, оплата в долларах; для чата с результатом нужно платное развёртывание. Укажите API-ключ и аккаунт в «Провайдеры…».</translation>
    </message>
    <message>
        <source>OpenAI no longer takes new fine-tuning customers and stops new jobs on 6 January 2027; if it refuses, use Vertex AI.</source>
        <translation>OpenAI больше не подключает новых клиентов к обучению и прекращает приём задач 6 января 2027 года; если он откажет, используйте Vertex AI.</translation>
    </message>
    <message>
        <source>Set the Google Cloud project, region and bucket under “Providers…”.</source>
        <translation>Укажите проект, регион и хранилище Google Cloud в разделе «Провайдеры…».</translation>
    </message>
    <message>
        <source>Freeze a snapshot of the approved pairs to launch a fine-tune.</source>
        <translation>Чтобы запустить обучение, сохраните снимок одобренных пар.</translation>
    </message>
    <message>
        <source>Install local training to launch here.</source>
        <translation>Чтобы запускать обучение здесь, установите локальное обучение.</translation>
    </message>
    <message>
        <source>Type the base model to tune.</source>
        <translation>Введите базовую модель для обучения.</translation>
    </message>
    <message>
        <source>Checking the dataset…</source>
        <translation>Проверка набора данных…</translation>
    </message>
    <message>
        <source>Checking the dataset</source>
        <translation>Проверка набора данных</translation>
    </message>
    <message numerus="yes">
        <source>⚠ %n pair(s) still contain members' personal data.</source>
        <translation>
            <numerusform>⚠ В %n паре ещё остались личные данные участников.</numerusform>
            <numerusform>⚠ В %n парах ещё остались личные данные участников.</numerusform>
            <numerusform>⚠ В %n парах ещё остались личные данные участников.</numerusform>
        </translation>
    </message>
    <message>
        <source>Show them on the Pairs tab</source>
        <translation>Показать их на вкладке «Пары»</translation>
    </message>
    <message>
        <source>Freezing the approved pairs</source>
        <translation>Сохранение одобренных пар</translation>
    </message>
    <message>
        <source>Snapshot “{name}” frozen.</source>
        <translation>Снимок «{name}» сохранён.</translation>
    </message>
    <message>
        <source>Snapshot “{name}” already has these pairs.</source>
        <translation>В снимке «{name}» уже есть эти пары.</translation>
    </message>
    <message>
        <source>✖ The provider would reject this dataset: fix the errors below, then check again.</source>
        <translation>✖ Провайдер не примет этот набор: исправьте ошибки ниже и проверьте снова.</translation>
    </message>
    <message>
        <source>✔ Ready: {n} examples, about {tokens} tokens; training here costs nothing.</source>
        <translation>✔ Готово: примеров — {n}, около {tokens} токенов; обучение здесь бесплатно.</translation>
    </message>
    <message>
        <source>✔ Ready: {n} examples, about {tokens} tokens; training is free during Preview.</source>
        <translation>✔ Готово: примеров — {n}, около {tokens} токенов; пока идёт Preview, обучение бесплатно.</translation>
    </message>
    <message>
        <source>≈ {cost} {currency}</source>
        <translation>≈ {cost} {currency}</translation>
    </message>
    <message>
        <source>✔ Ready: {n} examples, {tokens} billed tokens, {price}.</source>
        <translation>✔ Готово: примеров {n}, оплачиваемых токенов {tokens}, {price}.</translation>
    </message>
    <message>
        <source>price unknown</source>
        <translation>цена неизвестна</translation>
    </message>
</context>
<context>
    <name>LocalJobs</name>
    <message>
        <source>Choose the base model: a folder with a Hugging Face model, or a model id such as Qwen/Qwen2.5-0.5B-Instruct.</source>
        <translation>Выберите базовую модель: папку с моделью Hugging Face или название модели, например Qwen/Qwen2.5-0.5B-Instruct.</translation>
    </message>
    <message>
        <source>The folder {path} holds no model (there is no config.json in it).</source>
        <translation>В папке {path} нет модели (нет файла config.json).</translation>
    </message>
    <message>
        <source>Choose the folder where the model's config.json and weights are.</source>
        <translation>Выберите папку, в которой лежат config.json и веса модели.</translation>
    </message>
    <message>
        <source>The folder {path} does not exist.</source>
        <translation>Папки {path} не существует.</translation>
    </message>
    <message>
        <source>Choose the model's folder with “Browse…”.</source>
        <translation>Выберите папку модели кнопкой «Обзор…».</translation>
    </message>
    <message>
        <source>“{text}” is neither a model folder nor a Hugging Face model id.</source>
        <translation>«{text}» — это не папка с моделью и не название модели Hugging Face.</translation>
    </message>
    <message>
        <source>A model id looks like Qwen/Qwen2.5-0.5B-Instruct.</source>
        <translation>Название модели выглядит так: Qwen/Qwen2.5-0.5B-Instruct.</translation>
    </message>
    <message>
        <source>Checking the files…</source>
        <translation>Проверка файлов…</translation>
    </message>
    <message>
        <source>Training on this computer costs nothing; token counts are close to, not exactly, the base model's own.</source>
        <translation>Обучение на этом компьютере бесплатно; число токенов близко к подсчёту самой базовой модели, но не точно.</translation>
    </message>
</context>
<context>
    <name>LocalOptions</name>
    <message>
        <source>Copy</source>
        <translation>Копировать</translation>
    </message>
    <message>
        <source>Copy the command to paste it into a terminal.</source>
        <translation>Скопировать команду, чтобы вставить её в терминал.</translation>
    </message>
    <message>
        <source>Run it in the terminal of the Python environment the app runs in, then restart the app. It downloads PyTorch and the training libraries (a few gigabytes).</source>
        <translation>Выполните её в терминале того окружения Python, в котором работает программа, и перезапустите программу. Она скачает PyTorch и библиотеки для обучения (несколько гигабайт).</translation>
    </message>
    <message>
        <source>A model folder or a Hugging Face id</source>
        <translation>Папка с моделью или название на Hugging Face</translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>Обзор…</translation>
    </message>
    <message>
        <source>Choose a folder that holds a Hugging Face model (config.json and weights).</source>
        <translation>Выберите папку с моделью Hugging Face (config.json и веса).</translation>
    </message>
    <message>
        <source>Base model:</source>
        <translation>Базовая модель:</translation>
    </message>
    <message>
        <source>A folder with a Hugging Face model, or a model id: it is downloaded once, with progress in the job's events. Instruct models of 0.5–3 billion parameters fit most graphics cards.</source>
        <translation>Папка с моделью Hugging Face или название модели: она скачается один раз, ход загрузки виден в событиях задачи. Instruct-модели на 0,5–3 млрд параметров помещаются в большинство видеокарт.</translation>
    </message>
    <message>
        <source>Epochs:</source>
        <translation>Эпохи:</translation>
    </message>
    <message>
        <source>How many times the model reads the whole dataset; 2–3 suits most datasets.</source>
        <translation>Сколько раз модель прочитает весь набор данных; для большинства наборов подходит 2–3.</translation>
    </message>
    <message>
        <source>Learning rate:</source>
        <translation>Скорость обучения:</translation>
    </message>
    <message>
        <source>The size of each learning step; 0.0002 suits LoRA. Lower it if the loss jumps around.</source>
        <translation>Величина каждого шага обучения; для LoRA подходит 0,0002. Уменьшите, если потери (loss) скачут.</translation>
    </message>
    <message>
        <source>Batch size:</source>
        <translation>Размер пакета:</translation>
    </message>
    <message>
        <source>Examples per step. Lower it first when the model does not fit in memory.</source>
        <translation>Примеров за один шаг. Если модель не помещается в память, уменьшите сначала его.</translation>
    </message>
    <message>
        <source> tokens</source>
        <translation> токенов</translation>
    </message>
    <message>
        <source>Maximum length:</source>
        <translation>Максимальная длина:</translation>
    </message>
    <message>
        <source>Longer examples lose their oldest turns first; the persona's answer always stays.</source>
        <translation>У более длинных примеров сначала убираются самые ранние реплики; ответ персоны остаётся всегда.</translation>
    </message>
    <message>
        <source>LoRA rank:</source>
        <translation>Ранг LoRA:</translation>
    </message>
    <message>
        <source>The adapter's size: a larger one learns more, needs more memory and overfits sooner.</source>
        <translation>Размер адаптера: больший усваивает больше, но требует больше памяти и раньше переобучается.</translation>
    </message>
    <message>
        <source>LoRA alpha:</source>
        <translation>Альфа LoRA:</translation>
    </message>
    <message>
        <source>How strongly the adapter acts; usually twice the rank.</source>
        <translation>Насколько сильно действует адаптер; обычно вдвое больше ранга.</translation>
    </message>
    <message>
        <source>LoRA dropout:</source>
        <translation>Dropout LoRA:</translation>
    </message>
    <message>
        <source>Switches off a random share of the adapter at each step, against overfitting.</source>
        <translation>На каждом шаге отключает случайную долю адаптера — против переобучения.</translation>
    </message>
    <message>
        <source>Target modules:</source>
        <translation>Целевые модули:</translation>
    </message>
    <message>
        <source>The model's layers that get an adapter, by name. Empty: every attention and MLP projection, which fits Llama, Qwen, Mistral and Gemma.</source>
        <translation>Слои модели, к которым добавляется адаптер (по именам). Пусто — все проекции внимания и MLP; это подходит для Llama, Qwen, Mistral и Gemma.</translation>
    </message>
    <message>
        <source>Automatic</source>
        <translation>Автоматически</translation>
    </message>
    <message>
        <source>CUDA (NVIDIA GPU)</source>
        <translation>CUDA (видеокарта NVIDIA)</translation>
    </message>
    <message>
        <source>Apple MPS (Apple silicon)</source>
        <translation>Apple MPS (процессоры Apple)</translation>
    </message>
    <message>
        <source>CPU</source>
        <translation>Процессор (CPU)</translation>
    </message>
    <message>
        <source>Device:</source>
        <translation>Устройство:</translation>
    </message>
    <message>
        <source>Load the model in 4 bits</source>
        <translation>Загружать модель в 4 битах</translation>
    </message>
    <message>
        <source>Memory:</source>
        <translation>Память:</translation>
    </message>
    <message>
        <source>Local training is not installed: {names} missing. Add it with this command:</source>
        <translation>Локальное обучение не установлено: нет {names}. Добавьте его этой командой:</translation>
    </message>
    <message>
        <source>Checking what this computer can train on</source>
        <translation>Проверка, на чём этот компьютер может обучать</translation>
    </message>
    <message>
        <source>Checking what this computer can train on…</source>
        <translation>Проверяем, на чём этот компьютер может обучать…</translation>
    </message>
    <message>
        <source>This computer trains on its NVIDIA GPU ({name}).</source>
        <translation>Этот компьютер обучает на видеокарте NVIDIA ({name}).</translation>
    </message>
    <message>
        <source>This computer trains on its Apple GPU (MPS).</source>
        <translation>Этот компьютер обучает на графическом процессоре Apple (MPS).</translation>
    </message>
    <message>
        <source>No GPU found: training would run on the CPU.</source>
        <translation>Видеокарта не найдена: обучение пойдёт на процессоре.</translation>
    </message>
    <message>
        <source>PyTorch did not start: {detail}</source>
        <translation>PyTorch не запустился: {detail}</translation>
    </message>
    <message>
        <source>⚠ The CPU is slow: expect hours even for a small model.</source>
        <translation>⚠ На процессоре медленно: даже маленькая модель будет обучаться часами.</translation>
    </message>
    <message>
        <source>Uses about a quarter of the memory, so larger models fit; a little less precise.</source>
        <translation>Занимает примерно четверть памяти, и помещаются модели побольше; точность немного ниже.</translation>
    </message>
    <message>
        <source>Checking whether 4-bit loading is available…</source>
        <translation>Проверяем, доступна ли загрузка в 4 битах…</translation>
    </message>
    <message>
        <source>Not available here: it needs an NVIDIA GPU (CUDA) and the bitsandbytes package.</source>
        <translation>Здесь недоступно: нужны видеокарта NVIDIA (CUDA) и пакет bitsandbytes.</translation>
    </message>
    <message>
        <source>Command copied.</source>
        <translation>Команда скопирована.</translation>
    </message>
    <message>
        <source>Choose the base model's folder</source>
        <translation>Выберите папку базовой модели</translation>
    </message>
</context>
<context>
    <name>LossChart</name>
    <message>
        <source>Step</source>
        <translation>Шаг</translation>
    </message>
    <message>
        <source>Loss</source>
        <translation>Потери (loss)</translation>
    </message>
    <message>
        <source>Token accuracy</source>
        <translation>Точность по токенам</translation>
    </message>
    <message>
        <source>Training loss</source>
        <translation>Потери на обучении</translation>
    </message>
    <message>
        <source>Validation loss</source>
        <translation>Потери на проверке</translation>
    </message>
    <message>
        <source>Full validation loss</source>
        <translation>Потери на всей проверочной выборке</translation>
    </message>
    <message>
        <source>Training token accuracy</source>
        <translation>Точность: обучение</translation>
    </message>
    <message>
        <source>Validation token accuracy</source>
        <translation>Точность: проверка</translation>
    </message>
    <message>
        <source>No training metrics yet.</source>
        <translation>Показателей обучения пока нет.</translation>
    </message>
</context>
<context>
    <name>OpenModelOptions</name>
    <message>
        <source>Auto</source>
        <translation>Авто</translation>
    </message>
    <message>
        <source>Epochs:</source>
        <translation>Эпохи:</translation>
    </message>
    <message>
        <source>How many times the model reads the whole dataset; the cost grows with each. Auto is one pass; 2–3 suit a few hundred answers.</source>
        <translation>Сколько раз модель прочитает весь датасет; с каждым разом растёт цена. «Авто» — один проход; для нескольких сотен ответов подходят 2–3.</translation>
    </message>
    <message>
        <source>LoRA rank:</source>
        <translation>Ранг LoRA:</translation>
    </message>
    <message>
        <source>How much the model may change. Higher copies the persona's manner more closely, and with few examples may start repeating her answers word for word. Auto (the provider's 8 or 16) suits most datasets.</source>
        <translation>Насколько сильно может измениться модель. Чем выше, тем точнее она перенимает манеру персоны, а при малом числе примеров может начать повторять её ответы дословно. «Авто» (8 или 16 у провайдера) подходит для большинства датасетов.</translation>
    </message>
    <message>
        <source>Learning rate:</source>
        <translation>Скорость обучения:</translation>
    </message>
    <message>
        <source>How big each learning step is. Auto lets the provider choose; lower it (say to 0.00005) only if the tuned model answers oddly or repeats itself.</source>
        <translation>Размер каждого шага обучения. «Авто» — выбирает провайдер; уменьшайте (например, до 0,00005), только если дообученная модель отвечает странно или повторяется.</translation>
    </message>
    <message>
        <source>Full training instead of LoRA</source>
        <translation>Полное обучение вместо LoRA</translation>
    </message>
    <message>
        <source>Changes every weight of the model rather than a small adapter: costs several times more, and gives no adapter to download for chatting on this computer. Together AI only; leave it off.</source>
        <translation>Меняет все веса модели, а не небольшой адаптер: стоит в несколько раз дороже, и адаптера для чата на этом компьютере не будет. Только Together AI; лучше не включать.</translation>
    </message>
</context>
<context>
    <name>ProviderSettingsDialog</name>
    <message>
        <source>Set up providers</source>
        <translation>Настройка провайдеров</translation>
    </message>
    <message>
        <source>How to set it up</source>
        <translation>Как настроить</translation>
    </message>
    <message>
        <source>Copy</source>
        <translation>Копировать</translation>
    </message>
    <message>
        <source>Advanced: server addresses</source>
        <translation>Дополнительно: адреса серверов</translation>
    </message>
    <message>
        <source>Only for a proxy or a company gateway. Leave empty to use the provider's own address.</source>
        <translation>Нужно только для прокси или корпоративного шлюза. Оставьте пустым, чтобы использовать адрес самого провайдера.</translation>
    </message>
    <message>
        <source>Set by an environment variable; change it there.</source>
        <translation>Задано переменной окружения; меняйте его там.</translation>
    </message>
    <message>
        <source>Choose…</source>
        <translation>Выбрать…</translation>
    </message>
    <message>
        <source>The command is copied: paste it into a terminal.</source>
        <translation>Команда скопирована: вставьте её в терминал.</translation>
    </message>
    <message>
        <source>Google credentials file</source>
        <translation>Файл с учётными данными Google</translation>
    </message>
    <message>
        <source>JSON file (*.json)</source>
        <translation>Файл JSON (*.json)</translation>
    </message>
    <message>
        <source>Test connection</source>
        <translation>Проверить подключение</translation>
    </message>
    <message>
        <source>No system keyring is available: these values are kept for this session only.</source>
        <translation>Системное хранилище паролей недоступно: значения сохранятся только до закрытия программы.</translation>
    </message>
    <message>
        <source>Connecting…</source>
        <translation>Подключение…</translation>
    </message>
    <message>
        <source>Testing the connection</source>
        <translation>Проверка подключения</translation>
    </message>
</context>
<context>
    <name>ProviderSetup</name>
    <message>
        <source>You need a Yandex Cloud account with a billing account, paid in rubles with a Russian bank card. Training YandexGPT Lite costs nothing while Yandex offers it as a Preview; chatting with the tuned model is billed like the ordinary YandexGPT Lite ({prices}).</source>
        <translation>Нужен аккаунт Yandex Cloud с платёжным аккаунтом: оплата в рублях российской банковской картой. Пока Яндекс предлагает дообучение YandexGPT Lite как Preview, само обучение бесплатно; чат с дообученной моделью оплачивается как с обычной YandexGPT Lite ({prices}).</translation>
    </message>
    <message>
        <source>price list</source>
        <translation>цены</translation>
    </message>
    <message>
        <source>Open the {console} and sign in with your Yandex ID. If it asks, create a billing account.</source>
        <translation>Откройте {console} и войдите с Яндекс ID. Если консоль попросит, создайте платёжный аккаунт.</translation>
    </message>
    <message>
        <source>Yandex Cloud console</source>
        <translation>консоль Yandex Cloud</translation>
    </message>
    <message>
        <source>Choose the folder to work in (a new cloud already has one called “default”). Its ID is on the folder's page, starts with “b1g” and looks like b1g2abc3def4ghi5jk6l: copy it into “Folder ID” below ({how}).</source>
        <translation>Выберите каталог для работы (в новом облаке уже есть каталог «default»). Его идентификатор показан на странице каталога, начинается с «b1g» и выглядит так: b1g2abc3def4ghi5jk6l. Скопируйте его в поле «ID каталога» ниже ({how}).</translation>
    </message>
    <message>
        <source>how to find it</source>
        <translation>как его найти</translation>
    </message>
    <message>
        <source>In that folder open “Identity and Access Management” → “Service accounts” → “Create service account”. Give it two roles: “ai.editor” (to upload data and train) and “ai.languageModels.user” (to chat with the model) ({how}).</source>
        <translation>В этом каталоге откройте «Identity and Access Management» → «Сервисные аккаунты» → «Создать сервисный аккаунт». Дайте ему две роли: «ai.editor» (загружать данные и обучать) и «ai.languageModels.user» (общаться с моделью) ({how}).</translation>
    </message>
    <message>
        <source>step by step</source>
        <translation>пошагово</translation>
    </message>
    <message>
        <source>Open the new service account, press “Create new key” → “Create API key” and copy the secret key into “API key” below. Yandex shows it only once ({how}).</source>
        <translation>Откройте созданный сервисный аккаунт, нажмите «Создать новый ключ» → «Создать API-ключ» и скопируйте секретный ключ в поле «API-ключ» ниже. Яндекс показывает его только один раз ({how}).</translation>
    </message>
    <message>
        <source>Training is a Preview: if the connection test says the folder has no access to it yet, ask for access in {studio} (Yandex answers by e-mail), then test again.</source>
        <translation>Дообучение работает в режиме Preview: если проверка подключения скажет, что у каталога пока нет доступа, запросите доступ в {studio} (Яндекс ответит по электронной почте) и проверьте снова.</translation>
    </message>
    <message>
        <source>AI Studio</source>
        <translation>AI Studio</translation>
    </message>
    <message>
        <source>Folder ID:</source>
        <translation>ID каталога:</translation>
    </message>
    <message>
        <source>API key:</source>
        <translation>API-ключ:</translation>
    </message>
    <message>
        <source>Training server address:</source>
        <translation>Адрес сервера обучения:</translation>
    </message>
    <message>
        <source>Chat address:</source>
        <translation>Адрес чата:</translation>
    </message>
    <message>
        <source>You need a Google Cloud account with billing turned on (a card Google accepts). Training is billed by the number of tokens the model reads; the launch check shows the estimate in dollars before anything is sent ({prices}).</source>
        <translation>Нужен аккаунт Google Cloud с включённой оплатой (картой, которую принимает Google). Обучение оплачивается по числу токенов, которые прочитает модель; проверка перед запуском показывает примерную цену в долларах до того, как что-то будет отправлено ({prices}).</translation>
    </message>
    <message>
        <source>{create} or choose one in the Google Cloud console, and copy its project ID (for example natasha-tuning-123456) into “Project ID”.</source>
        <translation>{create} или выберите готовый в консоли Google Cloud и скопируйте его идентификатор (например, natasha-tuning-123456) в поле «ID проекта».</translation>
    </message>
    <message>
        <source>Create a project</source>
        <translation>Создайте проект</translation>
    </message>
    <message>
        <source>{enable} for that project (one button: “Enable”).</source>
        <translation>{enable} для этого проекта (одна кнопка — «Включить»).</translation>
    </message>
    <message>
        <source>Turn on the Vertex AI API</source>
        <translation>Включите Vertex AI API</translation>
    </message>
    <message>
        <source>{create} in the region you will train in (europe-west4 suits Europe) and type its name into “Bucket”: the dataset is uploaded there first.</source>
        <translation>{create} в регионе, где будете обучать (для Европы подойдёт europe-west4), и впишите его имя в поле «Бакет»: датасет сначала загружается туда.</translation>
    </message>
    <message>
        <source>Create a Cloud Storage bucket</source>
        <translation>Создайте бакет Cloud Storage</translation>
    </message>
    <message>
        <source>Give the app a credentials file, either way: in {accounts} create a service account with the roles “Vertex AI User” and “Storage Object Admin”, then “Keys” → “Add key” → JSON; or, if you use the gcloud tool, run “gcloud auth application-default login” and choose the file it saves (or leave the field empty to use it).</source>
        <translation>Дайте приложению файл с учётными данными одним из двух способов: в разделе {accounts} создайте сервисный аккаунт с ролями «Vertex AI User» и «Storage Object Admin», затем «Ключи» → «Добавить ключ» → JSON; или, если вы пользуетесь утилитой gcloud, выполните «gcloud auth application-default login» и выберите сохранённый ею файл (или оставьте поле пустым — тогда он будет найден сам).</translation>
    </message>
    <message>
        <source>Service accounts</source>
        <translation>«Сервисные аккаунты»</translation>
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
        <source>Bucket:</source>
        <translation>Бакет:</translation>
    </message>
    <message>
        <source>Credentials file:</source>
        <translation>Файл учётных данных:</translation>
    </message>
    <message>
        <source>empty: the gcloud sign-in on this computer</source>
        <translation>пусто — вход через gcloud на этом компьютере</translation>
    </message>
    <message>
        <source>Vertex AI address:</source>
        <translation>Адрес Vertex AI:</translation>
    </message>
    <message>
        <source>The dataset goes to {company} ({country}).</source>
        <translation>Датасет получает {company} ({country}).</translation>
    </message>
    <message>
        <source>&lt;b&gt;Paying from Russia may not work:&lt;/b&gt; it takes a bank card issued outside Russia, and the service's terms may refuse accounts from Russia. Nobody has checked it for you: try with a small top-up first.</source>
        <translation>&lt;b&gt;Оплатить из России может не получиться:&lt;/b&gt; нужна банковская карта, выпущенная за пределами России, а условия сервиса могут не допускать аккаунты из России. Никто не проверил это за вас: начните с небольшого пополнения.</translation>
    </message>
    <message>
        <source>Tunes open models (Qwen, Llama, Gemma) with LoRA or fully, and lets you download the trained adapter, so the tuned model can answer on this computer for free. Training is billed per token in dollars from a prepaid balance ({prices}); the launch check shows the estimate first.</source>
        <translation>Дообучает открытые модели (Qwen, Llama, Gemma) методом LoRA или полностью и даёт скачать обученный адаптер, так что дообученная модель может бесплатно отвечать на этом компьютере. Обучение оплачивается за токены в долларах с предоплаченного баланса ({prices}); проверка перед запуском сначала покажет оценку.</translation>
    </message>
    <message>
        <source>{signup} at Together AI and add credit on the {billing} page (a few dollars are enough for a first persona).</source>
        <translation>{signup} в Together AI и пополните баланс на странице {billing} (для первой персоны хватит нескольких долларов).</translation>
    </message>
    <message>
        <source>Sign up</source>
        <translation>Зарегистрируйтесь</translation>
    </message>
    <message>
        <source>Billing</source>
        <translation>Billing (оплата)</translation>
    </message>
    <message>
        <source>Open {keys}, press “Create API key”, and copy the key into “API key” below.</source>
        <translation>Откройте {keys}, нажмите «Create API key» и скопируйте ключ в поле «API-ключ» ниже.</translation>
    </message>
    <message>
        <source>Settings → API keys</source>
        <translation>Settings → API keys</translation>
    </message>
    <message>
        <source>Press “Check the key”: it asks Together AI which models it tunes today, and the launch form offers them.</source>
        <translation>Нажмите «Проверить ключ»: приложение спросит у Together AI, какие модели он дообучает сегодня, и форма запуска их предложит.</translation>
    </message>
    <message>
        <source>Check the key</source>
        <translation>Проверить ключ</translation>
    </message>
    <message>
        <source>Tunes open models with LoRA, Kimi K2 among them where Fireworks offers it. Training is billed per token in dollars ({prices}). &lt;b&gt;To chat with the tuned model, Fireworks needs a deployment billed per second of GPU time while it runs&lt;/b&gt;; Natasha Studio makes one only when you agree, and it stops after five idle minutes.</source>
        <translation>Дообучает открытые модели методом LoRA, в том числе Kimi K2, если Fireworks её предлагает. Обучение оплачивается за токены в долларах ({prices}). &lt;b&gt;Для чата с дообученной моделью Fireworks нужно развёртывание, которое оплачивается посекундно за время работы видеокарты&lt;/b&gt;; Natasha Studio создаёт его только с вашего согласия, и оно останавливается после пяти минут простоя.</translation>
    </message>
    <message>
        <source>{signup} at Fireworks AI and add a payment method under “Billing”.</source>
        <translation>{signup} в Fireworks AI и добавьте способ оплаты в разделе «Billing».</translation>
    </message>
    <message>
        <source>Open {keys}, press “Create API key”, and copy the key into “API key” below. Fireworks shows it only once.</source>
        <translation>Откройте {keys}, нажмите «Create API key» и скопируйте ключ в поле «API-ключ» ниже. Fireworks показывает его только один раз.</translation>
    </message>
    <message>
        <source>Settings → API Keys</source>
        <translation>Settings → API Keys</translation>
    </message>
    <message>
        <source>Open the account menu in the top right corner of Fireworks' page and copy the “Account ID” (a short name such as “olga-petrova”) into “Account ID” below.</source>
        <translation>Откройте меню аккаунта в правом верхнем углу страницы Fireworks и скопируйте «Account ID» (короткое имя вроде «olga-petrova») в поле «ID аккаунта» ниже.</translation>
    </message>
    <message>
        <source>Press “Check the key”: it checks the key and the account, and asks which models Fireworks tunes today.</source>
        <translation>Нажмите «Проверить ключ»: приложение проверит ключ и аккаунт и спросит, какие модели Fireworks дообучает сегодня.</translation>
    </message>
    <message>
        <source>Account ID:</source>
        <translation>ID аккаунта:</translation>
    </message>
    <message>
        <source>&lt;b&gt;OpenAI takes no new fine-tuning customers and stops new fine-tuning jobs for everyone on 6 January 2027.&lt;/b&gt; Use it only if your organisation already tunes there; chatting with models you tuned keeps working after that day. Training is billed per token in dollars.</source>
        <translation>&lt;b&gt;OpenAI не принимает новых клиентов на дообучение и 6 января 2027 года прекращает приём новых заданий от всех.&lt;/b&gt; Выбирайте его, только если ваша организация уже обучает там модели; чат с уже дообученными моделями продолжит работать и после этой даты. Обучение оплачивается за токены в долларах.</translation>
    </message>
    <message>
        <source>Sign in to the OpenAI platform and {create}.</source>
        <translation>Войдите на платформу OpenAI и {create}.</translation>
    </message>
    <message>
        <source>create an API key</source>
        <translation>создайте API-ключ</translation>
    </message>
    <message>
        <source>Paste the key (it starts with “sk-”) into “API key” below.</source>
        <translation>Вставьте ключ (он начинается с «sk-») в поле «API-ключ» ниже.</translation>
    </message>
    <message>
        <source>Server address:</source>
        <translation>Адрес сервера:</translation>
    </message>
    <message>
        <source>OpenAI-compatible server</source>
        <translation>Сервер, совместимый с OpenAI</translation>
    </message>
    <message>
        <source>For chat only: a server that answers like OpenAI's chat, such as Ollama or LM Studio on this computer, or a hosted service. It cannot tune models; use it in the Test chat to compare your tuned model with others. Local servers are free.</source>
        <translation>Только для чата: сервер, который отвечает так же, как чат OpenAI, — например, Ollama или LM Studio на этом компьютере или облачный сервис. Дообучать модели он не умеет; используйте его в тест-чате, чтобы сравнить вашу модель с другими. Локальные серверы бесплатны.</translation>
    </message>
    <message>
        <source>Start the server; for example install {ollama} and download a model in it.</source>
        <translation>Запустите сервер: например, установите {ollama} и скачайте в нём модель.</translation>
    </message>
    <message>
        <source>Type its address (Ollama: http://localhost:11434/v1) and, if the service needs one, its key, then press “Test connection”.</source>
        <translation>Впишите его адрес (для Ollama — http://localhost:11434/v1) и, если сервис его требует, ключ, затем нажмите «Проверить подключение».</translation>
    </message>
    <message>
        <source>Add its models in the Test chat tab (“Models…”): the key saved here is used for this address.</source>
        <translation>Добавьте его модели на вкладке «Тест-чат» («Модели…»): сохранённый здесь ключ будет использоваться для этого адреса.</translation>
    </message>
    <message>
        <source>Key (if needed):</source>
        <translation>Ключ (если нужен):</translation>
    </message>
    <message>
        <source>Local training (this computer)</source>
        <translation>Обучение на этом компьютере</translation>
    </message>
    <message>
        <source>Free, and the dataset never leaves this computer. It needs extra Python packages (about 3 GB) and, to be fast, an NVIDIA graphics card with 8 GB of memory or more, or a Mac with an Apple chip; on the processor alone a small model takes hours.</source>
        <translation>Бесплатно, и датасет не покидает этот компьютер. Нужны дополнительные пакеты Python (около 3 ГБ), а для скорости — видеокарта NVIDIA с памятью от 8 ГБ или Mac с процессором Apple; на одном процессоре даже небольшая модель обучается часами.</translation>
    </message>
    <message>
        <source>Open a terminal where Natasha Studio's Python is, and run the command below (the “Copy” button puts it on the clipboard).</source>
        <translation>Откройте терминал там, где установлен Python для Natasha Studio, и выполните команду ниже (кнопка «Копировать» поместит её в буфер обмена).</translation>
    </message>
    <message>
        <source>Restart Natasha Studio, then press “Check this computer”: it says which device will train.</source>
        <translation>Перезапустите Natasha Studio и нажмите «Проверить компьютер»: приложение скажет, на каком устройстве пойдёт обучение.</translation>
    </message>
    <message>
        <source>Check this computer</source>
        <translation>Проверить компьютер</translation>
    </message>
</context>
<context>
    <name>Providers</name>
    <message>
        <source>The server address is empty.</source>
        <translation>Адрес сервера не указан.</translation>
    </message>
    <message>
        <source>Enter the server's base URL, for example http://localhost:11434/v1 for Ollama.</source>
        <translation>Введите базовый адрес сервера, например http://localhost:11434/v1 для Ollama.</translation>
    </message>
    <message>
        <source>the server at {url}</source>
        <translation>сервер {url}</translation>
    </message>
    <message>
        <source>{provider} can chat but cannot fine-tune models.</source>
        <translation>{provider} умеет отвечать в чате, но не обучает модели.</translation>
    </message>
    <message>
        <source>Choose Vertex AI or OpenAI to fine-tune.</source>
        <translation>Для обучения выберите Vertex AI или OpenAI.</translation>
    </message>
    <message>
        <source>Cannot reach {where}.</source>
        <translation>Нет связи с {where}.</translation>
    </message>
    <message>
        <source>Check the internet connection (or that the server is running) and try again.</source>
        <translation>Проверьте подключение к интернету (или что сервер запущен) и попробуйте снова.</translation>
    </message>
    <message>
        <source>{provider} failed: {reason}</source>
        <translation>Ошибка {provider}: {reason}</translation>
    </message>
    <message>
        <source>{provider} did not accept the API key.</source>
        <translation>{provider} не принял ключ API.</translation>
    </message>
    <message>
        <source>Check the key in the Fine-tune tab → Providers… (or the OPENAI_API_KEY variable) and try again.</source>
        <translation>Проверьте ключ на вкладке «Обучение» → «Провайдеры…» (или переменную OPENAI_API_KEY) и попробуйте снова.</translation>
    </message>
    <message>
        <source>The {provider} account has no credit or quota left.</source>
        <translation>На счёте {provider} закончились деньги или квота.</translation>
    </message>
    <message>
        <source>Add a payment method or raise the quota on the provider's billing page, then try again.</source>
        <translation>Добавьте способ оплаты или увеличьте квоту на странице оплаты провайдера, затем попробуйте снова.</translation>
    </message>
    <message>
        <source>{provider} is receiving too many requests from this account.</source>
        <translation>{provider} получает слишком много запросов с этого аккаунта.</translation>
    </message>
    <message>
        <source>Wait a minute and try again.</source>
        <translation>Подождите минуту и попробуйте снова.</translation>
    </message>
    <message>
        <source>OpenAI refused to start fine-tuning for this account: {message}</source>
        <translation>OpenAI отказался запускать обучение для этого аккаунта: {message}</translation>
    </message>
    <message>
        <source>OpenAI no longer takes new fine-tuning customers and stops all new jobs on {date}. Use Vertex AI or local training instead; chatting with models you already tuned still works.</source>
        <translation>OpenAI больше не подключает новых клиентов к обучению и прекращает приём всех новых задач {date}. Используйте Vertex AI или локальное обучение; общаться с уже обученными моделями по-прежнему можно.</translation>
    </message>
    <message>
        <source>{provider} denied access: {message}</source>
        <translation>{provider} отказал в доступе: {message}</translation>
    </message>
    <message>
        <source>Check that the key belongs to a project allowed to do this.</source>
        <translation>Проверьте, что ключ принадлежит проекту, которому это разрешено.</translation>
    </message>
    <message>
        <source>{provider} could not find it: {message}</source>
        <translation>{provider} не нашёл это: {message}</translation>
    </message>
    <message>
        <source>Check the model name or job; it may have been deleted.</source>
        <translation>Проверьте название модели или задачи; возможно, она удалена.</translation>
    </message>
    <message>
        <source>{provider} had a problem on its side.</source>
        <translation>У {provider} сбой на их стороне.</translation>
    </message>
    <message>
        <source>Try again in a few minutes. Nothing was lost.</source>
        <translation>Попробуйте снова через несколько минут. Ничего не потеряно.</translation>
    </message>
    <message>
        <source>{provider} rejected the request: {message}</source>
        <translation>{provider} отклонил запрос: {message}</translation>
    </message>
    <message>
        <source>Google's sign-in service is not answering right now.</source>
        <translation>Служба входа Google сейчас не отвечает.</translation>
    </message>
    <message>
        <source>It will be tried again. Nothing was lost.</source>
        <translation>Попытка повторится сама. Ничего не потеряно.</translation>
    </message>
    <message>
        <source>No Google Cloud credentials were found.</source>
        <translation>Не найдены учётные данные Google Cloud.</translation>
    </message>
    <message>
        <source>Choose a service-account key file in the Fine-tune tab → Providers…, or sign in with “gcloud auth application-default login”.</source>
        <translation>Выберите файл ключа сервисного аккаунта на вкладке «Обучение» → «Провайдеры…» или войдите командой «gcloud auth application-default login».</translation>
    </message>
    <message>
        <source>Check the bucket name in the Fine-tune tab → Providers…; create the bucket in the Google Cloud console if needed.</source>
        <translation>Проверьте название хранилища на вкладке «Обучение» → «Провайдеры…»; при необходимости создайте его в консоли Google Cloud.</translation>
    </message>
    <message>
        <source>{provider} is busy or had a problem on its side: {reason}</source>
        <translation>{provider} перегружен или у него сбой: {reason}</translation>
    </message>
    <message>
        <source>Check the service-account key file in the Fine-tune tab → Providers…</source>
        <translation>Проверьте файл ключа сервисного аккаунта на вкладке «Обучение» → «Провайдеры…»</translation>
    </message>
    <message>
        <source>{where} did not answer in time.</source>
        <translation>{where} не ответил вовремя.</translation>
    </message>
    <message>
        <source>The connection may be slow or the server busy; it will be tried again. Nothing was lost.</source>
        <translation>Возможно, связь медленная или сервер занят; попытка повторится сама. Ничего не потеряно.</translation>
    </message>
    <message>
        <source>Yandex AI Studio refused the dataset: {problems}</source>
        <translation>Yandex AI Studio не принял датасет: {problems}</translation>
    </message>
    <message>
        <source>Fix these examples (the rows are counted from 1) or export the snapshot again in Yandex's format, then launch again.</source>
        <translation>Исправьте эти примеры (строки считаются с 1) или заново выгрузите снимок в формате Yandex, затем запустите обучение снова.</translation>
    </message>
    <message>
        <source>Yandex AI Studio stopped the operation: {message}</source>
        <translation>Yandex AI Studio остановил операцию: {message}</translation>
    </message>
    <message>
        <source>{problem} (rows {rows})</source>
        <translation>{problem} (строки {rows})</translation>
    </message>
    <message>
        <source>Yandex AI Studio did not accept the API key.</source>
        <translation>Yandex AI Studio не принял API-ключ.</translation>
    </message>
    <message>
        <source>Check the service account's API key in the Fine-tune tab → Providers… (or the YC_API_KEY variable): copy it again from the Yandex Cloud console, it may have been deleted.</source>
        <translation>Проверьте API-ключ сервисного аккаунта на вкладке «Обучение» → «Провайдеры…» (или в переменной YC_API_KEY): скопируйте его заново из консоли Yandex Cloud — возможно, ключ удалён.</translation>
    </message>
    <message>
        <source>The folder {folder} has no access to fine-tuning in Yandex AI Studio yet.</source>
        <translation>У каталога {folder} пока нет доступа к дообучению в Yandex AI Studio.</translation>
    </message>
    <message>
        <source>Fine-tuning is a Preview that Yandex opens on request: open {url}, choose the folder, and send the access request for model tuning. Also check that the service account has the “ai.editor” role.</source>
        <translation>Дообучение работает в режиме Preview, и Yandex открывает его по заявке: откройте {url}, выберите каталог и отправьте заявку на доступ к дообучению моделей. Также проверьте, что у сервисного аккаунта есть роль «ai.editor».</translation>
    </message>
    <message>
        <source>Yandex AI Studio refused access to the folder {folder}.</source>
        <translation>Yandex AI Studio отказал в доступе к каталогу {folder}.</translation>
    </message>
    <message>
        <source>Check the folder id (it starts with “b1g”; it is on the folder's page in the Yandex Cloud console) and that the service account has the “ai.editor” role in that folder.</source>
        <translation>Проверьте идентификатор каталога (он начинается с «b1g» и указан на странице каталога в консоли Yandex Cloud) и что у сервисного аккаунта есть роль «ai.editor» в этом каталоге.</translation>
    </message>
    <message>
        <source>The connection to {provider} dropped before the answer was complete.</source>
        <translation>Связь с {provider} оборвалась, и ответ пришёл не целиком.</translation>
    </message>
    <message>
        <source>Check the connection and ask again.</source>
        <translation>Проверьте подключение к интернету и спросите ещё раз.</translation>
    </message>
    <message>
        <source>Check that the key belongs to an account allowed to do this.</source>
        <translation>Проверьте, что ключ принадлежит аккаунту, которому это разрешено.</translation>
    </message>
    <message>
        <source>Check the base model and the options, then launch again.</source>
        <translation>Проверьте базовую модель и параметры и запустите снова.</translation>
    </message>
    <message>
        <source>Google did not accept the credentials: {reason}</source>
        <translation>Google не принял учётные данные: {reason}</translation>
    </message>
    <message>
        <source>Check the service-account key file; it may have been revoked or belong to another project.</source>
        <translation>Проверьте файл ключа сервисного аккаунта: возможно, ключ отозван или относится к другому проекту.</translation>
    </message>
    <message>
        <source>No permission to use the Cloud Storage bucket: {reason}</source>
        <translation>Нет прав на хранилище Cloud Storage: {reason}</translation>
    </message>
    <message>
        <source>Give the service account the “Storage Object Admin” role on the bucket, or choose another bucket in Settings.</source>
        <translation>Выдайте сервисному аккаунту роль «Storage Object Admin» для этого хранилища или выберите другое хранилище в настройках.</translation>
    </message>
    <message>
        <source>The Cloud Storage bucket was not found: {reason}</source>
        <translation>Хранилище Cloud Storage не найдено: {reason}</translation>
    </message>
    <message>
        <source>Cloud Storage failed: {reason}</source>
        <translation>Ошибка Cloud Storage: {reason}</translation>
    </message>
    <message>
        <source>Try again in a few minutes.</source>
        <translation>Попробуйте снова через несколько минут.</translation>
    </message>
    <message>
        <source>Enable the Vertex AI API for the project and give the account the “Vertex AI User” role.</source>
        <translation>Включите Vertex AI API в проекте и выдайте аккаунту роль «Vertex AI User».</translation>
    </message>
    <message>
        <source>The Vertex AI quota of this project is used up: {message}</source>
        <translation>Квота Vertex AI в этом проекте исчерпана: {message}</translation>
    </message>
    <message>
        <source>Wait and try again, or ask for a higher quota in the Google Cloud console.</source>
        <translation>Подождите и попробуйте снова или запросите увеличение квоты в консоли Google Cloud.</translation>
    </message>
    <message>
        <source>Check the project, region and model name.</source>
        <translation>Проверьте проект, регион и название модели.</translation>
    </message>
    <message>
        <source>No API key is set for {provider}.</source>
        <translation>Для {provider} не задан ключ API.</translation>
    </message>
    <message>
        <source>Enter the key in the Fine-tune tab → Providers…, or set the OPENAI_API_KEY environment variable.</source>
        <translation>Введите ключ на вкладке «Обучение» → «Провайдеры…» или задайте переменную окружения OPENAI_API_KEY.</translation>
    </message>
    <message>
        <source>The dataset file {path} cannot be read: {reason}</source>
        <translation>Не удаётся прочитать файл набора данных {path}: {reason}</translation>
    </message>
    <message>
        <source>OpenAI rejected the file {name}: {reason}</source>
        <translation>OpenAI отклонил файл {name}: {reason}</translation>
    </message>
    <message>
        <source>Fix the dataset (see the validation panel) and launch again.</source>
        <translation>Исправьте набор данных (см. панель проверки) и запустите снова.</translation>
    </message>
    <message>
        <source>OpenAI did not assemble the uploaded file {name}.</source>
        <translation>OpenAI не собрал загруженный файл {name}.</translation>
    </message>
    <message>
        <source>Launch again.</source>
        <translation>Запустите ещё раз.</translation>
    </message>
    <message>
        <source>OpenAI rejected the training data: {message}</source>
        <translation>OpenAI отклонил обучающие данные: {message}</translation>
    </message>
    <message>
        <source>Step {step} of {total}: training loss {loss:.4f}</source>
        <translation>Шаг {step} из {total}: потери на обучении {loss:.4f}</translation>
    </message>
    <message>
        <source>Step {step}: training loss {loss:.4f}</source>
        <translation>Шаг {step}: потери на обучении {loss:.4f}</translation>
    </message>
    <message>
        <source>Checking the training file.</source>
        <translation>Проверка обучающего файла.</translation>
    </message>
    <message>
        <source>The files are accepted; the job is queued.</source>
        <translation>Файлы приняты; задача в очереди.</translation>
    </message>
    <message>
        <source>Check the key in the Fine-tune tab → Providers… (or the FIREWORKS_API_KEY variable) and try again.</source>
        <translation>Проверьте ключ на вкладке «Обучение» → «Провайдеры…» (или переменную FIREWORKS_API_KEY) и попробуйте снова.</translation>
    </message>
    <message>
        <source>Enter the key in the Fine-tune tab → Providers…, or set the FIREWORKS_API_KEY environment variable.</source>
        <translation>Введите ключ на вкладке «Обучение» → «Провайдеры…» или задайте переменную окружения FIREWORKS_API_KEY.</translation>
    </message>
    <message>
        <source>No Fireworks AI account id is set.</source>
        <translation>Не задан идентификатор аккаунта Fireworks AI.</translation>
    </message>
    <message>
        <source>Enter the account id (it is on the account page of fireworks.ai) in the Fine-tune tab → Providers…, or set FIREWORKS_ACCOUNT_ID.</source>
        <translation>Введите идентификатор аккаунта (он на странице аккаунта fireworks.ai) на вкладке «Обучение» → «Провайдеры…» или задайте FIREWORKS_ACCOUNT_ID.</translation>
    </message>
    <message numerus="yes">
        <source>Connected to Fireworks AI, account {account}: %n base model(s) can be tuned.</source>
        <translation>
            <numerusform>Подключено к Fireworks AI, аккаунт {account}: дообучить можно %n базовую модель.</numerusform>
            <numerusform>Подключено к Fireworks AI, аккаунт {account}: дообучить можно %n базовые модели.</numerusform>
            <numerusform>Подключено к Fireworks AI, аккаунт {account}: дообучить можно %n базовых моделей.</numerusform>
        </translation>
    </message>
    <message>
        <source>Fireworks AI refused the file {name}: {reason}</source>
        <translation>Fireworks AI отклонил файл {name}: {reason}</translation>
    </message>
    <message>
        <source>Fireworks AI did not finish reading the file {name}.</source>
        <translation>Fireworks AI не закончил читать файл {name}.</translation>
    </message>
    <message>
        <source>Launch again later.</source>
        <translation>Запустите снова позже.</translation>
    </message>
    <message>
        <source>Fireworks AI stopped the job without saying why.</source>
        <translation>Fireworks AI остановил обучение, не объяснив причину.</translation>
    </message>
    <message>
        <source>{percent}% done.</source>
        <translation>Готово {percent}%.</translation>
    </message>
    <message>
        <source>{model} has no deployment at Fireworks AI yet, so it cannot answer.</source>
        <translation>У {model} ещё нет развёртывания в Fireworks AI, поэтому она не может отвечать.</translation>
    </message>
    <message>
        <source>Fireworks AI answers with a tuned model only on a dedicated deployment, billed per second of GPU time while a replica runs (several dollars an hour for one GPU; see {url}). The deployment Natasha Studio makes scales to zero after five minutes without questions, so an idle one costs nothing, but the first answer after a pause waits a few minutes for the model to load. Delete the deployment in Fireworks' console when you no longer chat with the model.</source>
        <translation>Дообученная модель Fireworks AI отвечает только на выделенном развёртывании, которое оплачивается посекундно за время GPU, пока работает реплика (несколько долларов в час за один GPU; см. {url}). Развёртывание, которое создаёт Natasha Studio, сворачивается до нуля через пять минут без вопросов, поэтому в простое оно ничего не стоит, но первый ответ после паузы ждёт несколько минут, пока модель загрузится. Удалите развёртывание в консоли Fireworks, когда перестанете общаться с моделью.</translation>
    </message>
    <message>
        <source>The job is waiting in Fireworks AI's queue.</source>
        <translation>Обучение ждёт в очереди Fireworks AI.</translation>
    </message>
    <message>
        <source>Fireworks AI is checking the dataset.</source>
        <translation>Fireworks AI проверяет датасет.</translation>
    </message>
    <message>
        <source>Training has started.</source>
        <translation>Обучение началось.</translation>
    </message>
    <message>
        <source>The tuned model is ready.</source>
        <translation>Обученная модель готова.</translation>
    </message>
    <message>
        <source>The job has finished.</source>
        <translation>Задача завершена.</translation>
    </message>
    <message>
        <source>The job was cancelled.</source>
        <translation>Задача отменена.</translation>
    </message>
    <message>
        <source>OpenAI-compatible server</source>
        <translation>Сервер, совместимый с OpenAI</translation>
    </message>
    <message>
        <source>Local training</source>
        <translation>Локальное обучение</translation>
    </message>
    <message>
        <source>Russia</source>
        <translation>Россия</translation>
    </message>
    <message>
        <source>the USA</source>
        <translation>США</translation>
    </message>
    <message>
        <source>Unknown provider “{name}”.</source>
        <translation>Неизвестный провайдер «{name}».</translation>
    </message>
    <message>
        <source>{option} does not apply to {provider}.</source>
        <translation>Параметр {option} не подходит для провайдера «{provider}».</translation>
    </message>
    <message>
        <source>{provider} takes its address with {options}.</source>
        <translation>Адрес провайдера «{provider}» задаётся параметром {options}.</translation>
    </message>
    <message>
        <source>{provider} takes no address here.</source>
        <translation>Провайдеру «{provider}» адрес здесь не нужен.</translation>
    </message>
    <message>
        <source>“{name}” is a model of the demo project: its answers were recorded in advance, and it cannot answer new questions.</source>
        <translation>«{name}» — модель демо-проекта: её ответы записаны заранее, и на новые вопросы она ответить не может.</translation>
    </message>
    <message>
        <source>To chat with a real model, set up a provider in Settings and add its model in the models list.</source>
        <translation>Чтобы пообщаться с настоящей моделью, настройте провайдера в «Настройках» и добавьте его модель в список моделей.</translation>
    </message>
    <message>
        <source>Choose the key file again in the Fine-tune tab → Providers…</source>
        <translation>Выберите файл ключа заново на вкладке «Обучение» → «Провайдеры…»</translation>
    </message>
    <message>
        <source>No Google Cloud project is set for Vertex AI.</source>
        <translation>Для Vertex AI не указан проект Google Cloud.</translation>
    </message>
    <message>
        <source>Enter the project id in the Fine-tune tab → Providers…, or set GOOGLE_CLOUD_PROJECT.</source>
        <translation>Введите идентификатор проекта на вкладке «Обучение» → «Провайдеры…» или задайте GOOGLE_CLOUD_PROJECT.</translation>
    </message>
    <message>
        <source>Vertex AI reads training data from a bucket: enter its name in the Fine-tune tab → Providers…</source>
        <translation>Vertex AI берёт обучающие данные из хранилища: укажите его название на вкладке «Обучение» → «Провайдеры…»</translation>
    </message>
    <message>
        <source>Bucket gs://{bucket} is reachable.</source>
        <translation>Хранилище gs://{bucket} доступно.</translation>
    </message>
    <message>
        <source>The Google credentials file {path} does not exist.</source>
        <translation>Файла с учётными данными Google {path} нет.</translation>
    </message>
    <message>
        <source>{name} is not a Google credentials file.</source>
        <translation>{name} — не файл с учётными данными Google.</translation>
    </message>
    <message>
        <source>Choose a service-account key (IAM → Service accounts → Keys in the Google Cloud console), or the file that “gcloud auth application-default login” writes.</source>
        <translation>Выберите ключ сервисного аккаунта (в консоли Google Cloud: IAM → Service accounts → Keys) или файл, который создаёт «gcloud auth application-default login».</translation>
    </message>
    <message>
        <source>No Cloud Storage bucket is set for Vertex AI.</source>
        <translation>Для Vertex AI не указано хранилище Cloud Storage.</translation>
    </message>
    <message>
        <source>Vertex AI job state: {state}</source>
        <translation>Статус задачи Vertex AI: {state}</translation>
    </message>
    <message>
        <source>Dataset accepted: {examples} examples, {steps} training steps.</source>
        <translation>Набор данных принят: примеров {examples}, шагов обучения {steps}.</translation>
    </message>
    <message numerus="yes">
        <source>Connected to {provider}: %n model(s) available.</source>
        <translation>
            <numerusform>Подключено к {provider}: доступна %n модель.</numerusform>
            <numerusform>Подключено к {provider}: доступны %n модели.</numerusform>
            <numerusform>Подключено к {provider}: доступно %n моделей.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Connected to Vertex AI project {project} ({location}): %n tuning job(s).</source>
        <translation>
            <numerusform>Подключено к проекту Vertex AI {project} ({location}): %n задача обучения.</numerusform>
            <numerusform>Подключено к проекту Vertex AI {project} ({location}): %n задачи обучения.</numerusform>
            <numerusform>Подключено к проекту Vertex AI {project} ({location}): %n задач обучения.</numerusform>
        </translation>
    </message>
    <message>
        <source>No API key is set for Yandex AI Studio.</source>
        <translation>Для Yandex AI Studio не задан API-ключ.</translation>
    </message>
    <message>
        <source>Enter the service account's API key in the Fine-tune tab → Providers…, or set the YC_API_KEY environment variable.</source>
        <translation>Введите API-ключ сервисного аккаунта на вкладке «Обучение» → «Провайдеры…» или задайте переменную окружения YC_API_KEY.</translation>
    </message>
    <message>
        <source>No Yandex Cloud folder is set for Yandex AI Studio.</source>
        <translation>Для Yandex AI Studio не задан каталог Yandex Cloud.</translation>
    </message>
    <message>
        <source>Enter the folder id (it starts with “b1g”) in the Fine-tune tab → Providers…, or set the YC_FOLDER_ID environment variable.</source>
        <translation>Введите идентификатор каталога (он начинается с «b1g») на вкладке «Обучение» → «Провайдеры…» или задайте переменную окружения YC_FOLDER_ID.</translation>
    </message>
    <message numerus="yes">
        <source>Connected to Yandex AI Studio, folder {folder}: fine-tuning is available, %n tuning job(s).</source>
        <translation>
            <numerusform>Подключено к Yandex AI Studio, каталог {folder}: дообучение доступно, %n задача обучения.</numerusform>
            <numerusform>Подключено к Yandex AI Studio, каталог {folder}: дообучение доступно, %n задачи обучения.</numerusform>
            <numerusform>Подключено к Yandex AI Studio, каталог {folder}: дообучение доступно, %n задач обучения.</numerusform>
        </translation>
    </message>
    <message>
        <source>Check the key in the Fine-tune tab → Providers… (or the TOGETHER_API_KEY variable) and try again.</source>
        <translation>Проверьте ключ на вкладке «Обучение» → «Провайдеры…» (или переменную TOGETHER_API_KEY) и попробуйте снова.</translation>
    </message>
    <message>
        <source>Enter the key in the Fine-tune tab → Providers…, or set the TOGETHER_API_KEY environment variable.</source>
        <translation>Введите ключ на вкладке «Обучение» → «Провайдеры…» или задайте переменную окружения TOGETHER_API_KEY.</translation>
    </message>
    <message numerus="yes">
        <source>Connected to {provider}: %n base model(s) can be tuned.</source>
        <translation>
            <numerusform>Подключено к {provider}: дообучить можно %n базовую модель.</numerusform>
            <numerusform>Подключено к {provider}: дообучить можно %n базовые модели.</numerusform>
            <numerusform>Подключено к {provider}: дообучить можно %n базовых моделей.</numerusform>
        </translation>
    </message>
    <message>
        <source>Together AI's check refused the file {name}: {reason}</source>
        <translation>Проверка Together AI не пропустила файл {name}: {reason}</translation>
    </message>
    <message>
        <source>Together AI refused the file {name}: {reason}</source>
        <translation>Together AI отклонил файл {name}: {reason}</translation>
    </message>
    <message>
        <source>A tuning option is not a number: {reason}</source>
        <translation>Параметр обучения — не число: {reason}</translation>
    </message>
    <message>
        <source>Correct the option and launch again.</source>
        <translation>Исправьте параметр и запустите обучение снова.</translation>
    </message>
    <message>
        <source>Together AI tunes {model} only with LoRA.</source>
        <translation>Together AI дообучает {model} только с LoRA.</translation>
    </message>
    <message>
        <source>Turn off full training and launch again.</source>
        <translation>Выключите полное обучение и запустите снова.</translation>
    </message>
    <message>
        <source>The dataset file {path} cannot be read.</source>
        <translation>Не удаётся прочитать файл датасета {path}.</translation>
    </message>
    <message>
        <source>Together AI estimates this job at {price} USD, more than the account's balance allows.</source>
        <translation>Together AI оценивает это обучение в {price} USD — больше, чем позволяет баланс аккаунта.</translation>
    </message>
    <message>
        <source>Add credit on Together AI's billing page, or tune on fewer pairs or epochs. The uploaded file was deleted.</source>
        <translation>Пополните баланс на странице оплаты Together AI или обучайте на меньшем числе пар или эпох. Загруженный файл удалён.</translation>
    </message>
    <message>
        <source>Together AI's own estimate: {price} USD for about {tokens} training tokens.</source>
        <translation>Оценка самого Together AI: {price} USD примерно за {tokens} токенов обучения.</translation>
    </message>
    <message>
        <source>Together AI stopped the job without saying why.</source>
        <translation>Together AI остановил обучение, не объяснив причину.</translation>
    </message>
    <message>
        <source>{model} is not running on a Together AI endpoint.</source>
        <translation>{model} не запущена ни на одном эндпоинте Together AI.</translation>
    </message>
    <message>
        <source>Together AI serves a tuned model on a dedicated endpoint that you start in its console ({url}); it is billed for every minute it runs, until you stop it, whether or not anyone chats. The adapter downloaded with the job answers on this computer for free (local training must be installed).</source>
        <translation>Дообученную модель Together AI обслуживает на выделенном эндпоинте, который запускают в его консоли ({url}); он оплачивается за каждую минуту работы, пока его не остановить, — даже если с моделью никто не общается. Адаптер, скачанный вместе с обучением, отвечает на этом компьютере бесплатно (нужно установить локальное обучение).</translation>
    </message>
    <message>
        <source>The job is waiting in Together AI's queue.</source>
        <translation>Обучение ждёт в очереди Together AI.</translation>
    </message>
    <message>
        <source>Together AI has started the job.</source>
        <translation>Together AI начал обучение.</translation>
    </message>
    <message>
        <source>An epoch is complete.</source>
        <translation>Эпоха пройдена.</translation>
    </message>
    <message>
        <source>A checkpoint was saved.</source>
        <translation>Сохранена контрольная точка.</translation>
    </message>
    <message>
        <source>Training is complete.</source>
        <translation>Обучение завершено.</translation>
    </message>
    <message>
        <source>Together AI is saving the tuned model.</source>
        <translation>Together AI сохраняет дообученную модель.</translation>
    </message>
    <message>
        <source>The adapter is compressed with zstd, which needs local training installed.</source>
        <translation>Адаптер сжат zstd — для распаковки нужно установить локальное обучение.</translation>
    </message>
    <message>
        <source>Install local training (it brings zstandard), then download the adapter again.</source>
        <translation>Установите локальное обучение (с ним ставится zstandard) и скачайте адаптер снова.</translation>
    </message>
    <message>
        <source>The downloaded archive holds no LoRA adapter.</source>
        <translation>В скачанном архиве нет адаптера LoRA.</translation>
    </message>
    <message>
        <source>Download it again; if it happens again, the job may have been a full fine-tune, whose model is too large to chat with here.</source>
        <translation>Скачайте его снова; если повторится — возможно, это было полное дообучение, и такая модель слишком велика для чата здесь.</translation>
    </message>
    <message>
        <source>The downloaded adapter could not be unpacked: {reason}</source>
        <translation>Скачанный адаптер не удалось распаковать: {reason}</translation>
    </message>
    <message>
        <source>Download it again.</source>
        <translation>Скачайте его снова.</translation>
    </message>
    <message>
        <source>Yandex AI Studio stopped the tuning without saying why.</source>
        <translation>Yandex AI Studio остановил обучение, не объяснив причину.</translation>
    </message>
    <message>
        <source>Step {step} of {total}.</source>
        <translation>Шаг {step} из {total}.</translation>
    </message>
    <message>
        <source>Yandex AI Studio is preparing the job.</source>
        <translation>Yandex AI Studio готовит задачу.</translation>
    </message>
    <message>
        <source>The job is waiting in Yandex AI Studio's queue.</source>
        <translation>Задача ждёт своей очереди в Yandex AI Studio.</translation>
    </message>
    <message>
        <source>The job is being cancelled.</source>
        <translation>Задача отменяется.</translation>
    </message>
    <message>
        <source>The upload was stopped.</source>
        <translation>Загрузка остановлена.</translation>
    </message>
    <message>
        <source>Cloud Storage refused the upload: {reason}</source>
        <translation>Cloud Storage отказался принять файл: {reason}</translation>
    </message>
    <message>
        <source>Launch again; if it keeps failing, check the bucket's permissions in the Google Cloud console.</source>
        <translation>Запустите ещё раз; если ошибка повторяется, проверьте права доступа к бакету в консоли Google Cloud.</translation>
    </message>
    <message>
        <source>The upload to Cloud Storage failed {n} times in a row ({reason}).</source>
        <translation>Загрузка в Cloud Storage не удалась {n} раз подряд ({reason}).</translation>
    </message>
    <message>
        <source>Check the internet connection and launch again. Nothing was started at the provider.</source>
        <translation>Проверьте подключение к интернету и запустите ещё раз. У провайдера ничего не запущено.</translation>
    </message>
    <message>
        <source>Cloud Storage did not answer in time</source>
        <translation>Cloud Storage не ответил вовремя</translation>
    </message>
    <message>
        <source>no connection to Cloud Storage</source>
        <translation>нет связи с Cloud Storage</translation>
    </message>
    <message>
        <source>the connection to Cloud Storage failed</source>
        <translation>соединение с Cloud Storage прервалось</translation>
    </message>
    <message>
        <source>The LoRA adapter was downloaded to {path}; the test chat can run it on this computer.</source>
        <translation>Адаптер LoRA скачан в {path}; тест-чат может запускать его на этом компьютере.</translation>
    </message>
    <message>
        <source>{name} (on this computer)</source>
        <translation>{name} (на этом компьютере)</translation>
    </message>
</context>
<context>
    <name>TunedChat</name>
    <message>
        <source>Deploy the tuned model?</source>
        <translation>Развернуть дообученную модель?</translation>
    </message>
    <message>
        <source>{model} needs a deployment at Fireworks AI to answer.</source>
        <translation>Чтобы {model} отвечала, её нужно развернуть в Fireworks AI.</translation>
    </message>
    <message>
        <source>Deploy</source>
        <translation>Развернуть</translation>
    </message>
    <message>
        <source>Where should the model answer?</source>
        <translation>Где будет отвечать модель?</translation>
    </message>
    <message>
        <source>{model} is ready. Together AI answers with it only on a dedicated endpoint.</source>
        <translation>{model} готова. Together AI отвечает ею только на выделенном эндпоинте.</translation>
    </message>
    <message>
        <source>On this computer (free)</source>
        <translation>На этом компьютере (бесплатно)</translation>
    </message>
    <message>
        <source>On my Together AI endpoint</source>
        <translation>На моём эндпоинте Together AI</translation>
    </message>
    <message>
        <source>Deploying the tuned model at Fireworks AI</source>
        <translation>Развёртываем дообученную модель в Fireworks AI</translation>
    </message>
    <message>
        <source>Looking for the model's deployment</source>
        <translation>Ищем развёртывание модели</translation>
    </message>
    <message>
        <source>The deployment is made. The first answer may take a few minutes while Fireworks AI loads the model; it stops after five minutes without questions.</source>
        <translation>Развёртывание создано. Первый ответ может занять несколько минут, пока Fireworks AI загружает модель; после пяти минут без вопросов оно останавливается.</translation>
    </message>
    <message>
        <source>Downloading the adapter…</source>
        <translation>Скачиваем адаптер…</translation>
    </message>
    <message>
        <source>Downloading the adapter: {percent}%</source>
        <translation>Скачиваем адаптер: {percent}%</translation>
    </message>
    <message>
        <source>Downloading the adapter</source>
        <translation>Скачивание адаптера</translation>
    </message>
</context>
<context>
    <name>YandexOptions</name>
    <message>
        <source>Auto</source>
        <translation>Авто</translation>
    </message>
    <message>
        <source>LoRA rank:</source>
        <translation>Ранг LoRA:</translation>
    </message>
    <message>
        <source>How much the model may change. Higher copies the persona's manner more closely, and with few examples may start repeating her answers word for word. 8 suits most datasets: leave it as is.</source>
        <translation>Насколько сильно может измениться модель. Чем больше, тем точнее она перенимает манеру персоны, но при небольшом наборе может начать повторять её ответы слово в слово. Для большинства наборов подходит 8 — оставьте как есть.</translation>
    </message>
    <message>
        <source>LoRA alpha:</source>
        <translation>Альфа LoRA:</translation>
    </message>
    <message>
        <source>How strongly what was learned shows in the answers; usually twice the rank. Leave it as is.</source>
        <translation>Насколько сильно выученное проявляется в ответах; обычно вдвое больше ранга. Оставьте как есть.</translation>
    </message>
    <message>
        <source>Learning rate:</source>
        <translation>Скорость обучения:</translation>
    </message>
    <message>
        <source>How big each learning step is. Auto lets Yandex choose; lower it (say to 0.0001) only if the tuned model answers oddly or repeats itself.</source>
        <translation>Величина каждого шага обучения. «Авто» — выбор Яндекса; уменьшайте (например, до 0,0001), только если дообученная модель отвечает странно или повторяется.</translation>
    </message>
    <message>
        <source>Samples:</source>
        <translation>Примеров в обучении:</translation>
    </message>
    <message>
        <source>How many examples training goes through in all, repeats included: three times the number of your examples reads the dataset three times. Auto lets Yandex choose.</source>
        <translation>Сколько примеров модель пройдёт за всё обучение, с повторами: число втрое больше вашего числа примеров значит, что набор будет прочитан три раза. «Авто» — выбор Яндекса.</translation>
    </message>
    <message>
        <source>Seed:</source>
        <translation>Зерно:</translation>
    </message>
    <message>
        <source>Any number makes a second launch with the same data come out the same; Auto gives a slightly different model each time. Leave it as is.</source>
        <translation>С любым числом повторный запуск на тех же данных даст ту же модель; с «Авто» модель каждый раз будет немного другой. Оставьте как есть.</translation>
    </message>
</context>
</TS>