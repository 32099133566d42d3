<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en">
<context>
    <name>BlindView</name>
    <message numerus="yes">
        <source>%n preference pair(s) exported.</source>
        <translation>
            <numerusform>%n preference pair(s) exported.</numerusform>
            <numerusform>%n preference pair(s) exported.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>HeldoutView</name>
    <message numerus="yes">
        <source>{name} (%n question(s))</source>
        <translation>
            <numerusform>{name} (%n question(s))</numerusform>
            <numerusform>{name} (%n question(s))</numerusform>
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
