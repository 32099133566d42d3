<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en">
<context>
    <name>ChatsPage</name>
    <message numerus="yes">
        <source>%n chats chosen</source>
        <translation>
            <numerusform>%n chat chosen</numerusform>
            <numerusform>%n chats chosen</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>TelegramPanel</name>
    <message numerus="yes">
        <source>%n new messages fetched.</source>
        <translation>
            <numerusform>%n new message fetched.</numerusform>
            <numerusform>%n new messages fetched.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n pairs after the fetch.</source>
        <translation>
            <numerusform>%n pair after the fetch.</numerusform>
            <numerusform>%n pairs after the fetch.</numerusform>
        </translation>
    </message>
</context>
</TS>
