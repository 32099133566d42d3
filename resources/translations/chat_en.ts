<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en">
<context>
    <name>BlindView</name>
    <message numerus="yes">
        <source>%n preference pair(s) exported.</source>
        <translation>
            <numerusform>%n preference pair exported.</numerusform>
            <numerusform>%n preference pairs exported.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Fidelity</name>
    <message numerus="yes">
        <source>{title} · %n held-out question(s)</source>
        <translation>
            <numerusform>{title} · %n held-out question</numerusform>
            <numerusform>{title} · %n held-out questions</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n votes</source>
        <translation>
            <numerusform>%n vote</numerusform>
            <numerusform>%n votes</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Unanswered questions: %n. The score leaves them out.</source>
        <translation>
            <numerusform>Unanswered questions: %n. The score leaves them out.</numerusform>
            <numerusform>Unanswered questions: %n. The score leaves them out.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>FidelityView</name>
    <message numerus="yes">
        <source>{name} (%n question(s))</source>
        <translation>
            <numerusform>{name} (%n question)</numerusform>
            <numerusform>{name} (%n questions)</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>HeldoutView</name>
    <message numerus="yes">
        <source>{name} (%n question(s))</source>
        <translation>
            <numerusform>{name} (%n question)</numerusform>
            <numerusform>{name} (%n questions)</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ModelRow</name>
    <message numerus="yes">
        <source>%n votes</source>
        <translation>
            <numerusform>%n vote</numerusform>
            <numerusform>%n votes</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Unanswered questions: %n. The score leaves them out.</source>
        <translation>
            <numerusform>Unanswered questions: %n. The score leaves them out.</numerusform>
            <numerusform>Unanswered questions: %n. The score leaves them out.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ModelsDialog</name>
    <message numerus="yes">
        <source>%n model(s) added.</source>
        <translation>
            <numerusform>%n model added.</numerusform>
            <numerusform>%n models added.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>The server answered; %n model(s) available.</source>
        <translation>
            <numerusform>The server answered; %n model available.</numerusform>
            <numerusform>The server answered; %n models available.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ReportCard</name>
    <message numerus="yes">
        <source>{title} · %n held-out question(s)</source>
        <translation>
            <numerusform>{title} · %n held-out question</numerusform>
            <numerusform>{title} · %n held-out questions</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SessionsDialog</name>
    <message numerus="yes">
        <source>{title} — %n message(s), {date}</source>
        <translation>
            <numerusform>{title} — %n message, {date}</numerusform>
            <numerusform>{title} — %n messages, {date}</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>TestChat</name>
    <message numerus="yes">
        <source>%n tokens</source>
        <translation>
            <numerusform>%n token</numerusform>
            <numerusform>%n tokens</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>TestChatTab</name>
    <message numerus="yes">
        <source>%n model(s)</source>
        <translation>
            <numerusform>%n model</numerusform>
            <numerusform>%n models</numerusform>
        </translation>
    </message>
</context>
</TS>
