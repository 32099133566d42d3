<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en">
<context>
    <name>BaseModelChoice</name>
    <message numerus="yes">
        <source>%n base model(s) can be tuned.</source>
        <translation>
            <numerusform>%n base model can be tuned.</numerusform>
            <numerusform>%n base models can be tuned.</numerusform>
        </translation>
    </message>
</context>
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
            <numerusform>No connection to {provider}, trying again in %n s.</numerusform>
            <numerusform>No connection to {provider}, trying again in %n s.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>LaunchPanel</name>
    <message numerus="yes">
        <source>⚠ %n pair(s) still contain members&apos; personal data.</source>
        <translation>
            <numerusform>⚠ %n pair still contains members&apos; personal data.</numerusform>
            <numerusform>⚠ %n pairs still contain members&apos; personal data.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Providers</name>
    <message numerus="yes">
        <source>Connected to {provider}: %n model(s) available.</source>
        <translation>
            <numerusform>Connected to {provider}: %n model available.</numerusform>
            <numerusform>Connected to {provider}: %n models available.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Connected to Vertex AI project {project} ({location}): %n tuning job(s).</source>
        <translation>
            <numerusform>Connected to Vertex AI project {project} ({location}): %n tuning job.</numerusform>
            <numerusform>Connected to Vertex AI project {project} ({location}): %n tuning jobs.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Connected to Yandex AI Studio, folder {folder}: fine-tuning is available, %n tuning job(s).</source>
        <translation>
            <numerusform>Connected to Yandex AI Studio, folder {folder}: fine-tuning is available, %n tuning job.</numerusform>
            <numerusform>Connected to Yandex AI Studio, folder {folder}: fine-tuning is available, %n tuning jobs.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Connected to {provider}: %n base model(s) can be tuned.</source>
        <translation>
            <numerusform>Connected to {provider}: %n base model can be tuned.</numerusform>
            <numerusform>Connected to {provider}: %n base models can be tuned.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Connected to Fireworks AI, account {account}: %n base model(s) can be tuned.</source>
        <translation>
            <numerusform>Connected to Fireworks AI, account {account}: %n base model can be tuned.</numerusform>
            <numerusform>Connected to Fireworks AI, account {account}: %n base models can be tuned.</numerusform>
        </translation>
    </message>
</context>
</TS>
