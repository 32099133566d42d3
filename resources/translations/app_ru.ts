<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ru">
<context>
    <name>Cli</name>
    <message>
        <source>Created project {path} for {persona}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Project: {path}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Persona: {name}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Schema version: {version}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Chats: {n}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Participants: {n}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Messages: {n}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pairs: {n}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Snapshots: {n}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fine-tune jobs: {n}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Project</name>
    <message>
        <source>The project file {path} does not exist.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{path} is a folder, not a project file.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The file {path} cannot be read: {reason}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{name} is not a Natasha Studio project.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose a file with the .nstudio extension, or create a new project.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The project {name} is damaged and cannot be opened ({reason}).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open a backup copy of the project, if you have one.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The project {name} was saved by a newer version of Natasha Studio.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Update Natasha Studio to open it. The file was not changed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A file named {name} already exists.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose another name, or open the existing project.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The persona needs a name.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The project cannot be created at {path}: {reason}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The project {name} cannot be opened for writing: {reason}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Check that the file is not read-only and that the disk is not full.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Updating the project {name} failed: {reason}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The project was left as it was; a backup copy sits beside it.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
