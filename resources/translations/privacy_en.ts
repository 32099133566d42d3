<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en">
<context>
    <name>Privacy</name>
    <message numerus="yes">
        <source>No personal data found in %n pairs.</source>
        <translation>
            <numerusform>No personal data found in %n pair.</numerusform>
            <numerusform>No personal data found in %n pairs.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Personal data remains in %n pairs</source>
        <translation>
            <numerusform>Personal data remains in %n pair</numerusform>
            <numerusform>Personal data remains in %n pairs</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Replaced in %n pairs</source>
        <translation>
            <numerusform>Replaced in %n pair</numerusform>
            <numerusform>Replaced in %n pairs</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Redaction undone: %n pairs restored.</source>
        <translation>
            <numerusform>Redaction undone: %n pair restored.</numerusform>
            <numerusform>Redaction undone: %n pairs restored.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>PrivacyPanel</name>
    <message numerus="yes">
        <source>%n pairs have personal data</source>
        <translation>
            <numerusform>%n pair have personal data</numerusform>
            <numerusform>%n pairs have personal data</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>(of %n).</source>
        <translation>
            <numerusform>(of %n).</numerusform>
            <numerusform>(of %n).</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>No personal data found in %n pairs.</source>
        <translation>
            <numerusform>No personal data found in %n pair.</numerusform>
            <numerusform>No personal data found in %n pairs.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n findings in this pair</source>
        <translation>
            <numerusform>%n finding in this pair</numerusform>
            <numerusform>%n findings in this pair</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Personal data replaced in %n pairs.</source>
        <translation>
            <numerusform>Personal data replaced in %n pair.</numerusform>
            <numerusform>Personal data replaced in %n pairs.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n pairs were edited after the redaction and were left as they are.</source>
        <translation>
            <numerusform>%n pair were edited after the redaction and were left as they are.</numerusform>
            <numerusform>%n pairs were edited after the redaction and were left as they are.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>PrivacyUndo</name>
    <message numerus="yes">
        <source>Replace personal data in %n pairs</source>
        <translation>
            <numerusform>Replace personal data in %n pair</numerusform>
            <numerusform>Replace personal data in %n pairs</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>RedactPreviewDialog</name>
    <message numerus="yes">
        <source>Replace in %n pairs</source>
        <translation>
            <numerusform>Replace in %n pair</numerusform>
            <numerusform>Replace in %n pairs</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n replacements</source>
        <translation>
            <numerusform>%n replacement</numerusform>
            <numerusform>%n replacements</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n pairs will change.</source>
        <translation>
            <numerusform>%n pair will change.</numerusform>
            <numerusform>%n pairs will change.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>… and %n more pairs.</source>
        <translation>
            <numerusform>… and %n more pair.</numerusform>
            <numerusform>… and %n more pairs.</numerusform>
        </translation>
    </message>
</context>
</TS>
