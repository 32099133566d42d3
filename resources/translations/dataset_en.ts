<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en">
<context>
    <name>ExtractionPanel</name>
    <message numerus="yes">
        <source>%n pair(s) (%1 from replies, %2 by proximity)</source>
        <translation>
            <numerusform>%n pair (%1 from replies, %2 by proximity)</numerusform>
            <numerusform>%n pairs (%1 from replies, %2 by proximity)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Plus %n pair(s) written by hand or saved from the test chat.</source>
        <translation>
            <numerusform>Plus %n pair written by hand or saved from the test chat.</numerusform>
            <numerusform>Plus %n pairs written by hand or saved from the test chat.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>PersonaPicker</name>
    <message numerus="yes">
        <source>A channel: its posts count as the persona&apos;s when ticked (%n signed post(s)).</source>
        <translation>
            <numerusform>A channel: its posts count as the persona&apos;s when ticked (%n signed post).</numerusform>
            <numerusform>A channel: its posts count as the persona&apos;s when ticked (%n signed posts).</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SourcesTab</name>
    <message numerus="yes">
        <source>Imported %n new message(s).</source>
        <translation>
            <numerusform>Imported %n new message.</numerusform>
            <numerusform>Imported %n new messages.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n pair(s) found</source>
        <translation>
            <numerusform>%n pair found</numerusform>
            <numerusform>%n pairs found</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>; %n no longer found but kept for your edits</source>
        <translation>
            <numerusform>; %n no longer found but kept for your edits</numerusform>
            <numerusform>; %n no longer found but kept for your edits</numerusform>
        </translation>
    </message>
</context>
</TS>
