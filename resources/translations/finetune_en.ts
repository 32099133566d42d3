<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en">
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
</context>
</TS>