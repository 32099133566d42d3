<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en">
<context>
    <name>Confirm</name>
    <message numerus="yes">
        <source>%n pair(s) still contain members&apos; personal data (names, phone numbers, addresses).</source>
        <translation>
            <numerusform>%n pair still contains members&apos; personal data (names, phone numbers, addresses).</numerusform>
            <numerusform>%n pairs still contain members&apos; personal data (names, phone numbers, addresses).</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Jobs</name>
    <message numerus="yes">
        <source>No connection to {provider}, trying again in %n s.</source>
        <translation>
            <numerusform>No connection to {provider}, trying again in %n .</numerusform>
            <numerusform>No connection to {provider}, trying again in %n s.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>LaunchPanel</name>
    <message numerus="yes">
        <source>⚠ %n pair(s) still contain members&apos; personal data.</source>
        <translation>
            <numerusform>⚠ %n pair() still contain members&apos; personal data.</numerusform>
            <numerusform>⚠ %n pair(s) still contain members&apos; personal data.</numerusform>
        </translation>
    </message>
</context>
</TS>
