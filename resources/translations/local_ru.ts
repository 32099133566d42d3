<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="ru">
<context>
    <name>LocalCli</name>
    <message>
        <source>Local training is not installed.</source>
        <translation>Локальное обучение не установлено.</translation>
    </message>
    <message>
        <source>Install it with: {command}</source>
        <translation>Установите его командой: {command}</translation>
    </message>
    <message>
        <source>The adapter or its base model cannot be read: {detail}</source>
        <translation>Не удаётся прочитать адаптер или его базовую модель: {detail}</translation>
    </message>
    <message>
        <source>The merged model is in {path}.</source>
        <translation>Объединённая модель сохранена в {path}.</translation>
    </message>
</context>
<context>
    <name>LocalJobs</name>
    <message>
        <source>There is no adapter in {path}.</source>
        <translation>В {path} нет адаптера.</translation>
    </message>
    <message>
        <source>The job's files may have been moved or deleted.</source>
        <translation>Возможно, файлы задачи перемещены или удалены.</translation>
    </message>
    <message>
        <source>Merging the adapter into the model: {s} s</source>
        <translation>Объединение адаптера с моделью: {s} с</translation>
    </message>
    <message>
        <source>The model did not fit in memory while merging.</source>
        <translation>При объединении модель не поместилась в память.</translation>
    </message>
    <message>
        <source>Close other programs and try again; merging needs the whole model in memory.</source>
        <translation>Закройте другие программы и попробуйте снова: для объединения вся модель должна поместиться в память.</translation>
    </message>
    <message>
        <source>The merged model could not be written: {detail}</source>
        <translation>Не удалось записать объединённую модель: {detail}</translation>
    </message>
</context>
<context>
    <name>LocalTraining</name>
    <message>
        <source>The model did not fit in memory.</source>
        <translation>Модель не поместилась в память.</translation>
    </message>
    <message>
        <source>Lower the batch size or the maximum length, use a smaller LoRA rank or model, or turn on 4-bit loading (CUDA).</source>
        <translation>Уменьшите размер батча или максимальную длину, возьмите меньший ранг LoRA или модель поменьше либо включите 4-битную загрузку (CUDA).</translation>
    </message>
    <message>
        <source>The training file has no example with an answer to learn.</source>
        <translation>В файле для обучения нет ни одного примера с ответом, на котором можно учиться.</translation>
    </message>
    <message>
        <source>Approve some pairs and freeze a new snapshot.</source>
        <translation>Одобрите несколько пар и сделайте новый снимок.</translation>
    </message>
    <message>
        <source>The base model could not be loaded: {detail}</source>
        <translation>Не удалось загрузить базовую модель: {detail}</translation>
    </message>
    <message>
        <source>Choose a folder that holds a Hugging Face model, or a model id, and check the internet connection for a download.</source>
        <translation>Выберите папку с моделью Hugging Face или укажите идентификатор модели; для скачивания проверьте подключение к интернету.</translation>
    </message>
    <message>
        <source>The chosen device is not available on this computer.</source>
        <translation>Выбранного устройства на этом компьютере нет.</translation>
    </message>
    <message>
        <source>Choose “Automatic” or “CPU” as the device.</source>
        <translation>Выберите устройство «Автоматически» или «CPU».</translation>
    </message>
    <message>
        <source>The training process stopped unexpectedly.</source>
        <translation>Процесс обучения неожиданно остановился.</translation>
    </message>
    <message>
        <source>Training failed: {detail}</source>
        <translation>Обучение не удалось: {detail}</translation>
    </message>
    <message>
        <source>Loading the base model on {device}.</source>
        <translation>Загружаем базовую модель на {device}.</translation>
    </message>
    <message>
        <source>Training on {device}.</source>
        <translation>Обучение на {device}.</translation>
    </message>
    <message>
        <source>Saving the adapter.</source>
        <translation>Сохраняем адаптер.</translation>
    </message>
    <message>
        <source>Training was cancelled.</source>
        <translation>Обучение отменено.</translation>
    </message>
    <message>
        <source>{examples} training and {validation} validation examples; {steps} steps; {trainable} of {parameters} parameters are trained.</source>
        <translation>Примеров для обучения: {examples}, для проверки: {validation}; шагов: {steps}; обучается {trainable} из {parameters} параметров.</translation>
    </message>
    <message>
        <source>Base model: {model}</source>
        <translation>Базовая модель: {model}</translation>
    </message>
    <message>
        <source>Step {step} of {total}: loss {loss:.4f}</source>
        <translation>Шаг {step} из {total}: потери {loss:.4f}</translation>
    </message>
    <message>
        <source>, validation loss {loss:.4f}</source>
        <translation>, потери на проверке {loss:.4f}</translation>
    </message>
    <message>
        <source>Downloading {model}…</source>
        <translation>Скачиваем {model}…</translation>
    </message>
    <message>
        <source>Downloading {model}: {done} of {total} files.</source>
        <translation>Скачиваем {model}: {done} из {total} файлов.</translation>
    </message>
    <message>
        <source>The adapter is saved in {path}.</source>
        <translation>Адаптер сохранён в {path}.</translation>
    </message>
    <message>
        <source>This installation of Natasha Studio has no local training: PyTorch is not included.</source>
        <translation>В этой установке Natasha Studio нет локального обучения: PyTorch не входит в установщик.</translation>
    </message>
    <message>
        <source>Install Natasha Studio with Python as the README describes, then run: {command}</source>
        <translation>Установите Natasha Studio через Python, как описано в README, и выполните: {command}</translation>
    </message>
    <message>
        <source>Local training is not installed.</source>
        <translation>Локальное обучение не установлено.</translation>
    </message>
    <message>
        <source>Install it with: {command}</source>
        <translation>Установите его командой: {command}</translation>
    </message>
    <message>
        <source>The project names a local job “{job}” that this app did not make.</source>
        <translation>В проекте указано локальное обучение «{job}», которое это приложение не запускало.</translation>
    </message>
    <message>
        <source>Nothing was done with it. Start a new local job from the Fine-tune tab.</source>
        <translation>С ним ничего не сделано. Запустите новое локальное обучение на вкладке «Обучение».</translation>
    </message>
    <message>
        <source>PyTorch does not start: {detail}</source>
        <translation>PyTorch не запускается: {detail}</translation>
    </message>
    <message>
        <source>PyTorch {version}, training on {device}.</source>
        <translation>PyTorch {version}, обучение на {device}.</translation>
    </message>
    <message>
        <source>Training on the CPU is slow: expect hours for a small model.</source>
        <translation>Обучение на процессоре идёт медленно: даже для небольшой модели это часы.</translation>
    </message>
    <message>
        <source>The files of local job {job} are gone.</source>
        <translation>Файлы локального задания {job} пропали.</translation>
    </message>
    <message>
        <source>The local model could not be loaded: {detail}</source>
        <translation>Не удалось загрузить локальную модель: {detail}</translation>
    </message>
    <message>
        <source>The local model stopped while answering.</source>
        <translation>Локальная модель остановилась посреди ответа.</translation>
    </message>
    <message>
        <source>The local model failed to answer: {detail}</source>
        <translation>Локальная модель не смогла ответить: {detail}</translation>
    </message>
</context>
</TS>