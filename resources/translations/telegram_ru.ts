<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="ru">
<context>
    <name>ChatTableModel</name>
    <message>
        <source>Comments group</source>
        <translation>Группа комментариев</translation>
    </message>
    <message>
        <source>Channel</source>
        <translation>Канал</translation>
    </message>
    <message>
        <source>Private channel</source>
        <translation>Закрытый канал</translation>
    </message>
    <message>
        <source>Supergroup</source>
        <translation>Супергруппа</translation>
    </message>
    <message>
        <source>Private supergroup</source>
        <translation>Закрытая супергруппа</translation>
    </message>
    <message>
        <source>Group</source>
        <translation>Группа</translation>
    </message>
    <message>
        <source>{kind}, forum (topics: {n})</source>
        <translation>{kind}, форум (тем: {n})</translation>
    </message>
    <message>
        <source>{kind}, forum</source>
        <translation>{kind}, форум</translation>
    </message>
    <message>
        <source>Chat</source>
        <translation>Чат</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>Тип</translation>
    </message>
    <message>
        <source>Members</source>
        <translation>Участники</translation>
    </message>
    <message>
        <source>Messages</source>
        <translation>Сообщения</translation>
    </message>
    <message>
        <source>Last activity</source>
        <translation>Последняя активность</translation>
    </message>
    <message>
        <source>Fetched</source>
        <translation>Загружено</translation>
    </message>
    <message>
        <source>Topics: {list}</source>
        <translation>Темы: {list}</translation>
    </message>
    <message>
        <source>Comments are fetched from its discussion group too.</source>
        <translation>Комментарии тоже загружаются — из группы обсуждения канала.</translation>
    </message>
</context>
<context>
    <name>ChatsPage</name>
    <message>
        <source>Refresh the list</source>
        <translation>Обновить список</translation>
    </message>
    <message>
        <source>Log out</source>
        <translation>Выйти</translation>
    </message>
    <message>
        <source>Tick the channels and groups to bring in. A channel's comments come from its discussion group, which is fetched with it. The first fetch brings the whole history; later ones only what is new, and an interrupted fetch goes on where it stopped.</source>
        <translation>Отметьте каналы и группы, которые нужно загрузить. Комментарии к постам канала хранятся в его группе обсуждения — она загрузится вместе с каналом. Первая загрузка забирает всю историю, следующие — только новое, а прерванная загрузка продолжится с того места, где остановилась.</translation>
    </message>
    <message>
        <source>Search chats by name or @username</source>
        <translation>Поиск чатов по названию или @имени</translation>
    </message>
    <message>
        <source>Tick all shown</source>
        <translation>Отметить все показанные</translation>
    </message>
    <message>
        <source>Untick all</source>
        <translation>Снять все отметки</translation>
    </message>
    <message>
        <source>Use a data-export session for big histories</source>
        <translation>Загружать большие истории через сеанс экспорта данных</translation>
    </message>
    <message>
        <source>Telegram lets a data-export ("takeout") session read faster, with fewer waits. Telegram will ask you to allow it in your Telegram app: open the service notifications there and press Allow, then fetch again.</source>
        <translation>Сеанс экспорта данных Telegram читает быстрее и реже просит подождать. Telegram попросит разрешить его в вашем приложении Telegram: откройте там служебные уведомления, нажмите «Разрешить» и запустите загрузку снова.</translation>
    </message>
    <message>
        <source>Telegram asks you to confirm it in your Telegram app (a message from "Telegram").</source>
        <translation>Telegram попросит подтвердить это в приложении Telegram (сообщение от «Telegram»).</translation>
    </message>
    <message>
        <source>Fetch</source>
        <translation>Загрузить</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Отмена</translation>
    </message>
    <message numerus="yes">
        <source>%n chats chosen</source>
        <translation>
            <numerusform>Выбран %n чат</numerusform>
            <numerusform>Выбрано %n чата</numerusform>
            <numerusform>Выбрано %n чатов</numerusform>
        </translation>
    </message>
    <message>
        <source>{done} of {total} messages</source>
        <translation>{done} из {total} сообщений</translation>
    </message>
    <message>
        <source>Fetching “{name}”.</source>
        <translation>Загружается «{name}».</translation>
    </message>
    <message>
        <source>Telegram asked to wait: going on by itself in {wait}.</source>
        <translation>Telegram попросил подождать: загрузка продолжится сама через {wait}.</translation>
    </message>
    <message>
        <source>About {wait} left.</source>
        <translation>Осталось примерно {wait}.</translation>
    </message>
</context>
<context>
    <name>CredentialsPage</name>
    <message>
        <source>Connect your Telegram account</source>
        <translation>Подключите свой аккаунт Telegram</translation>
    </message>
    <message>
        <source>Telegram lets apps like this one read your chats only with an "API id" and "API hash" of your own. Getting them takes two minutes: open my.telegram.org, log in with your phone number, choose "API development tools", fill in any app name (for example "Natasha Studio") and copy the two values marked below. Keep the hash secret, like a password.</source>
        <translation>Telegram разрешает таким программам читать ваши чаты только с вашими собственными «API id» и «API hash». Получить их — дело двух минут: откройте my.telegram.org, войдите по номеру телефона, выберите «API development tools», впишите любое название приложения (например, «Natasha Studio») и скопируйте два значения, отмеченные на картинке. Хеш держите в секрете, как пароль.</translation>
    </message>
    <message>
        <source>Open my.telegram.org</source>
        <translation>Открыть my.telegram.org</translation>
    </message>
    <message>
        <source>1. API id:</source>
        <translation>1. API id:</translation>
    </message>
    <message>
        <source>2. API hash:</source>
        <translation>2. API hash:</translation>
    </message>
    <message>
        <source>Continue</source>
        <translation>Продолжить</translation>
    </message>
</context>
<context>
    <name>LoginPage</name>
    <message>
        <source>Log in to Telegram</source>
        <translation>Вход в Telegram</translation>
    </message>
    <message>
        <source>The login stays on this computer, in the system's password store. Natasha Studio only reads the chats you choose and never writes to anyone.</source>
        <translation>Вход хранится на этом компьютере, в системном хранилище паролей. Natasha Studio только читает выбранные вами чаты и никому ничего не пишет.</translation>
    </message>
    <message>
        <source>By phone number</source>
        <translation>По номеру телефона</translation>
    </message>
    <message>
        <source>By QR code</source>
        <translation>По QR-коду</translation>
    </message>
    <message>
        <source>Change the API id and hash</source>
        <translation>Изменить API id и hash</translation>
    </message>
</context>
<context>
    <name>PhoneLogin</name>
    <message>
        <source>Your phone number, with the country code:</source>
        <translation>Ваш номер телефона с кодом страны:</translation>
    </message>
    <message>
        <source>Send the code</source>
        <translation>Получить код</translation>
    </message>
    <message>
        <source>Log in</source>
        <translation>Войти</translation>
    </message>
    <message>
        <source>Send the code again</source>
        <translation>Отправить код ещё раз</translation>
    </message>
    <message>
        <source>Another number</source>
        <translation>Другой номер</translation>
    </message>
    <message>
        <source>This account is protected by two-step verification. Type the cloud password you set in Telegram (Settings → Privacy and Security → Two-Step Verification).</source>
        <translation>Аккаунт защищён двухэтапной проверкой. Введите облачный пароль, который вы задали в Telegram (Настройки → Конфиденциальность → Облачный пароль).</translation>
    </message>
    <message>
        <source>We sent the code to your Telegram app on another device (a chat named "Telegram"). Type it here.</source>
        <translation>Код отправлен в ваше приложение Telegram на другом устройстве (в чат «Telegram»). Введите его здесь.</translation>
    </message>
    <message>
        <source>We sent the code by SMS to {phone}. Type it here.</source>
        <translation>Код отправлен в SMS на номер {phone}. Введите его здесь.</translation>
    </message>
    <message>
        <source>Telegram will call {phone} and tell you the code.</source>
        <translation>Telegram позвонит на номер {phone} и продиктует код.</translation>
    </message>
    <message>
        <source>We sent the code to the e-mail address linked to your account.</source>
        <translation>Код отправлен на электронную почту, привязанную к аккаунту.</translation>
    </message>
    <message>
        <source>Type the code Telegram sent you.</source>
        <translation>Введите код, который прислал Telegram.</translation>
    </message>
    <message>
        <source>Send the code again ({n} s)</source>
        <translation>Отправить код ещё раз ({n} с)</translation>
    </message>
    <message>
        <source>Hint: {hint}</source>
        <translation>Подсказка: {hint}</translation>
    </message>
</context>
<context>
    <name>ProgressDelegate</name>
    <message>
        <source>waiting</source>
        <translation>в очереди</translation>
    </message>
    <message>
        <source>pause</source>
        <translation>пауза</translation>
    </message>
    <message>
        <source>failed</source>
        <translation>ошибка</translation>
    </message>
    <message>
        <source>stopped</source>
        <translation>остановлено</translation>
    </message>
</context>
<context>
    <name>QrLogin</name>
    <message>
        <source>1. Open Telegram on your phone.
2. Go to Settings → Devices → Link Desktop Device.
3. Point the phone at this code.</source>
        <translation>1. Откройте Telegram на телефоне.
2. Зайдите в Настройки → Устройства → Подключить устройство.
3. Наведите камеру телефона на этот код.</translation>
    </message>
    <message>
        <source>Preparing the code…</source>
        <translation>Готовим код…</translation>
    </message>
    <message>
        <source>Show a new code</source>
        <translation>Показать новый код</translation>
    </message>
    <message>
        <source>The code renews itself every 30 seconds or so.</source>
        <translation>Код обновляется сам примерно каждые 30 секунд.</translation>
    </message>
</context>
<context>
    <name>TelegramErrors</name>
    <message>
        <source>{n} s</source>
        <translation>{n} с</translation>
    </message>
    <message>
        <source>{n} min</source>
        <translation>{n} мин</translation>
    </message>
    <message>
        <source>{h} h {m} min</source>
        <translation>{h} ч {m} мин</translation>
    </message>
    <message>
        <source>Log in to Telegram again in the Sources tab.</source>
        <translation>Войдите в Telegram заново на вкладке «Источники».</translation>
    </message>
    <message>
        <source>Telegram does not recognise this phone number.</source>
        <translation>Telegram не знает такого номера телефона.</translation>
    </message>
    <message>
        <source>Type the number in international form, with the country code: +7 912 345-67-89.</source>
        <translation>Введите номер в международном виде, с кодом страны: +7 912 345-67-89.</translation>
    </message>
    <message>
        <source>Telegram has blocked this phone number.</source>
        <translation>Telegram заблокировал этот номер.</translation>
    </message>
    <message>
        <source>Log in with another account, or write to Telegram support (recover@telegram.org).</source>
        <translation>Войдите с другим аккаунтом или напишите в поддержку Telegram (recover@telegram.org).</translation>
    </message>
    <message>
        <source>There is no Telegram account with this phone number.</source>
        <translation>На этот номер не зарегистрирован аккаунт Telegram.</translation>
    </message>
    <message>
        <source>Create the account in the Telegram app first, then log in here.</source>
        <translation>Сначала создайте аккаунт в приложении Telegram, потом войдите здесь.</translation>
    </message>
    <message>
        <source>The code is wrong.</source>
        <translation>Код неверный.</translation>
    </message>
    <message>
        <source>Check the code Telegram sent you and type it again.</source>
        <translation>Проверьте код, который прислал Telegram, и введите его ещё раз.</translation>
    </message>
    <message>
        <source>The code has expired.</source>
        <translation>Срок действия кода истёк.</translation>
    </message>
    <message>
        <source>Press "Send the code again". A code shared in any chat stops working at once: never forward it.</source>
        <translation>Нажмите «Отправить код ещё раз». Код, отправленный в любой чат, сразу перестаёт действовать — никому его не пересылайте.</translation>
    </message>
    <message>
        <source>The cloud password is wrong.</source>
        <translation>Облачный пароль неверный.</translation>
    </message>
    <message>
        <source>This is the two-step verification password you set in Telegram's settings, not the code. Type it again.</source>
        <translation>Это пароль двухэтапной проверки из настроек Telegram, а не код. Введите его ещё раз.</translation>
    </message>
    <message>
        <source>Telegram asks you to confirm the data export in your Telegram app.</source>
        <translation>Telegram просит подтвердить экспорт данных в вашем приложении Telegram.</translation>
    </message>
    <message>
        <source>Open Telegram on your phone, allow the export request in the service notifications, then fetch again. Otherwise Telegram allows it in {wait}.</source>
        <translation>Откройте Telegram на телефоне, разрешите запрос на экспорт в служебных уведомлениях и запустите загрузку снова. Иначе Telegram разрешит его через {wait}.</translation>
    </message>
    <message>
        <source>Telegram asks to wait {wait} before trying again.</source>
        <translation>Telegram просит подождать {wait}, прежде чем пробовать снова.</translation>
    </message>
    <message>
        <source>Too many attempts: Telegram asks to wait before trying again.</source>
        <translation>Слишком много попыток: Telegram просит подождать, прежде чем пробовать снова.</translation>
    </message>
    <message>
        <source>This limit protects the account; it lifts by itself.</source>
        <translation>Это ограничение защищает аккаунт и снимается само.</translation>
    </message>
    <message>
        <source>The Telegram login has ended: it was closed from another device or has expired.</source>
        <translation>Вход в Telegram завершён: его закрыли с другого устройства или истёк его срок.</translation>
    </message>
    <message>
        <source>Telegram closed this login because it was used from two places at once.</source>
        <translation>Telegram закрыл этот вход, потому что им пользовались из двух мест одновременно.</translation>
    </message>
    <message>
        <source>Telegram does not accept this API id and hash.</source>
        <translation>Telegram не принимает эти API id и hash.</translation>
    </message>
    <message>
        <source>Copy both from my.telegram.org → API development tools, exactly as shown there.</source>
        <translation>Скопируйте оба значения с my.telegram.org → API development tools точно так, как они там показаны.</translation>
    </message>
    <message>
        <source>This account can no longer read that chat.</source>
        <translation>Этот аккаунт больше не может читать этот чат.</translation>
    </message>
    <message>
        <source>It may be private, or you were removed from it. Untick it.</source>
        <translation>Возможно, чат закрыт или вас из него удалили. Снимите с него отметку.</translation>
    </message>
    <message>
        <source>Cannot reach Telegram.</source>
        <translation>Не удаётся связаться с Telegram.</translation>
    </message>
    <message>
        <source>Check the internet connection and try again. Nothing fetched so far is lost.</source>
        <translation>Проверьте подключение к интернету и попробуйте снова. Всё, что уже загружено, сохранено.</translation>
    </message>
    <message>
        <source>Telegram refused the request ({code}).</source>
        <translation>Telegram отклонил запрос ({code}).</translation>
    </message>
    <message>
        <source>Try again later.</source>
        <translation>Попробуйте позже.</translation>
    </message>
    <message>
        <source>Something went wrong while talking to Telegram: {reason}</source>
        <translation>При обмене данными с Telegram что-то пошло не так: {reason}</translation>
    </message>
</context>
<context>
    <name>TelegramHelp</name>
    <message>
        <source>App configuration</source>
        <translation>App configuration</translation>
    </message>
    <message>
        <source>App api_id:</source>
        <translation>App api_id:</translation>
    </message>
    <message>
        <source>App api_hash:</source>
        <translation>App api_hash:</translation>
    </message>
</context>
<context>
    <name>TelegramLogin</name>
    <message>
        <source>Type the phone number with the country code, like +7 912 345-67-89.</source>
        <translation>Введите номер телефона с кодом страны, например +7 912 345-67-89.</translation>
    </message>
    <message>
        <source>You are already logged in to Telegram.</source>
        <translation>Вы уже вошли в Telegram.</translation>
    </message>
    <message>
        <source>Type the phone number first.</source>
        <translation>Сначала введите номер телефона.</translation>
    </message>
    <message>
        <source>Type the code Telegram sent you.</source>
        <translation>Введите код, который прислал Telegram.</translation>
    </message>
    <message>
        <source>Type your cloud password.</source>
        <translation>Введите облачный пароль.</translation>
    </message>
    <message>
        <source>Start the login again.</source>
        <translation>Начните вход заново.</translation>
    </message>
</context>
<context>
    <name>TelegramPanel</name>
    <message>
        <source>Connecting to Telegram…</source>
        <translation>Подключение к Telegram…</translation>
    </message>
    <message>
        <source>Telegram</source>
        <translation>Telegram</translation>
    </message>
    <message>
        <source>Keep the Telegram login?</source>
        <translation>Сохранить вход в Telegram?</translation>
    </message>
    <message>
        <source>This computer has no password store. May Natasha Studio keep the Telegram login in a file that only your user account can read? If not, you will log in again each time you open the app.</source>
        <translation>На этом компьютере нет хранилища паролей. Можно сохранить вход в Telegram в файле, который может прочитать только ваша учётная запись? Если нет, входить придётся при каждом запуске программы.</translation>
    </message>
    <message>
        <source>They are kept in the system's password store.</source>
        <translation>Они хранятся в системном хранилище паролей.</translation>
    </message>
    <message>
        <source>They are kept in a file only your user account can read.</source>
        <translation>Они хранятся в файле, который может прочитать только ваша учётная запись.</translation>
    </message>
    <message>
        <source>This computer has no password store: they are kept until the app closes, unless you allow a private file.</source>
        <translation>На этом компьютере нет хранилища паролей: они хранятся до закрытия программы, если вы не разрешите личный файл.</translation>
    </message>
    <message>
        <source>Asking Telegram for a code…</source>
        <translation>Запрашиваем код у Telegram…</translation>
    </message>
    <message>
        <source>Logged in as {name}</source>
        <translation>Вы вошли как {name}</translation>
    </message>
    <message>
        <source>Log out of Telegram?</source>
        <translation>Выйти из Telegram?</translation>
    </message>
    <message>
        <source>Natasha Studio will end its Telegram login and forget it. Messages already fetched stay in the project.</source>
        <translation>Natasha Studio завершит свой вход в Telegram и забудет его. Уже загруженные сообщения останутся в проекте.</translation>
    </message>
    <message>
        <source>Loading your chats…</source>
        <translation>Загружаем ваши чаты…</translation>
    </message>
    <message>
        <source>Counting members and messages…</source>
        <translation>Считаем участников и сообщения…</translation>
    </message>
    <message>
        <source>Open or create a project first.</source>
        <translation>Сначала откройте или создайте проект.</translation>
    </message>
    <message>
        <source>Open or create a project to fetch chats into.</source>
        <translation>Откройте или создайте проект, в который загружать чаты.</translation>
    </message>
    <message>
        <source>Starting…</source>
        <translation>Начинаем…</translation>
    </message>
    <message>
        <source>Stopped. The next fetch goes on from here.</source>
        <translation>Остановлено. Следующая загрузка продолжится с этого места.</translation>
    </message>
    <message numerus="yes">
        <source>%n new messages fetched.</source>
        <translation>
            <numerusform>Загружено %n новое сообщение.</numerusform>
            <numerusform>Загружено %n новых сообщения.</numerusform>
            <numerusform>Загружено %n новых сообщений.</numerusform>
        </translation>
    </message>
    <message>
        <source>Some chats could not be read: {names}</source>
        <translation>Некоторые чаты не удалось прочитать: {names}</translation>
    </message>
    <message>
        <source>Messages fetched. Choose the persona to get pairs.</source>
        <translation>Сообщения загружены. Выберите персону, чтобы получить пары.</translation>
    </message>
    <message numerus="yes">
        <source>%n pairs after the fetch.</source>
        <translation>
            <numerusform>После загрузки: %n пара.</numerusform>
            <numerusform>После загрузки: %n пары.</numerusform>
            <numerusform>После загрузки: %n пар.</numerusform>
        </translation>
    </message>
    <message>
        <source>Extracting pairs</source>
        <translation>Извлечение пар</translation>
    </message>
</context>
<context>
    <name>TelegramSession</name>
    <message>
        <source>The API id is a number, like 1234567.</source>
        <translation>API id — это число, например 1234567.</translation>
    </message>
    <message>
        <source>Copy it from my.telegram.org → API development tools → App api_id.</source>
        <translation>Скопируйте его с my.telegram.org → API development tools → App api_id.</translation>
    </message>
    <message>
        <source>The API hash is 32 letters and digits, like 0123456789abcdef0123456789abcdef.</source>
        <translation>API hash — это 32 латинские буквы и цифры, например 0123456789abcdef0123456789abcdef.</translation>
    </message>
    <message>
        <source>Copy it from my.telegram.org → API development tools → App api_hash.</source>
        <translation>Скопируйте его с my.telegram.org → API development tools → App api_hash.</translation>
    </message>
    <message>
        <source>Your Telegram login was kept in a file on this computer. It is now in the system's password store, and the file has been deleted.</source>
        <translation>Вход в Telegram хранился в файле на этом компьютере. Теперь он в системном хранилище паролей, а файл удалён.</translation>
    </message>
    <message>
        <source>Your Telegram API id and hash were kept in a file on this computer. They are now in the system's password store, and the file has been deleted.</source>
        <translation>API id и hash для Telegram хранились в файле на этом компьютере. Теперь они в системном хранилище паролей, а файл удалён.</translation>
    </message>
    <message>
        <source>The Telegram login could not be saved: {folder} is not an ordinary folder.</source>
        <translation>Не удалось сохранить вход в Telegram: {folder} — не обычная папка.</translation>
    </message>
    <message>
        <source>Remove it and log in again, or ask whoever manages this computer to look at it.</source>
        <translation>Удалите её и войдите снова или попросите того, кто обслуживает этот компьютер, разобраться.</translation>
    </message>
</context>
</TS>