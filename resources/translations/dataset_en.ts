<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="en">
<context>
    <name>Cli</name>
    <message numerus="yes">
        <source>Imported %n new messages</source>
        <translation>
            <numerusform>Imported %n new message</numerusform>
            <numerusform>Imported %n new messages</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source> from %n files</source>
        <translation>
            <numerusform> from %n file</numerusform>
            <numerusform> from %n files</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source> (%n chats).</source>
        <translation>
            <numerusform> (%n chat).</numerusform>
            <numerusform> (%n chats).</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n pairs ({replies} from replies, {implicit} by proximity); {new} new, {stale} no longer found but kept.</source>
        <translation>
            <numerusform>%n pair ({replies} from replies, {implicit} by proximity); {new} new, {stale} no longer found but kept.</numerusform>
            <numerusform>%n pairs ({replies} from replies, {implicit} by proximity); {new} new, {stale} no longer found but kept.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Skipped %n messages without an id.</source>
        <translation>
            <numerusform>Skipped %n message without an id.</numerusform>
            <numerusform>Skipped %n messages without an id.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Skipped %n non-message elements.</source>
        <translation>
            <numerusform>Skipped %n non-message element.</numerusform>
            <numerusform>Skipped %n non-message elements.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>{id}  {name}{mark}: %n messages</source>
        <translation>
            <numerusform>{id}  {name}{mark}: %n message</numerusform>
            <numerusform>{id}  {name}{mark}: %n messages</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>, %n replies</source>
        <translation>
            <numerusform>, %n reply</numerusform>
            <numerusform>, %n replies</numerusform>
        </translation>
    </message>
</context>
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
        <source>A channel: its posts count as the persona's when ticked (%n signed post(s)).</source>
        <translation>
            <numerusform>A channel: its posts count as the persona's when ticked (%n signed post).</numerusform>
            <numerusform>A channel: its posts count as the persona's when ticked (%n signed posts).</numerusform>
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
        <source>%1: skipped %n messages without an id.</source>
        <translation>
            <numerusform>%1: skipped %n message without an id.</numerusform>
            <numerusform>%1: skipped %n messages without an id.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1: skipped %n non-message elements.</source>
        <translation>
            <numerusform>%1: skipped %n non-message element.</numerusform>
            <numerusform>%1: skipped %n non-message elements.</numerusform>
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
<context>
    <name>Why</name>
    <message numerus="yes">
        <source>%n day(s)</source>
        <translation>
            <numerusform>%n day</numerusform>
            <numerusform>%n days</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n hour(s)</source>
        <translation>
            <numerusform>%n hour</numerusform>
            <numerusform>%n hours</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n minute(s)</source>
        <translation>
            <numerusform>%n minute</numerusform>
            <numerusform>%n minutes</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n second(s)</source>
        <translation>
            <numerusform>%n second</numerusform>
            <numerusform>%n seconds</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>The persona wrote %n message(s) in these chats.</source>
        <translation>
            <numerusform>The persona wrote %n message in these chats.</numerusform>
            <numerusform>The persona wrote %n messages in these chats.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Messages she sent in a row count as one answer: %n answer(s) in all.</source>
        <translation>
            <numerusform>Messages she sent in a row count as one answer: %n answer in all.</numerusform>
            <numerusform>Messages she sent in a row count as one answer: %n answers in all.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n reply(ies) to members' messages became pairs.</source>
        <translation>
            <numerusform>%n reply to a member's message became a pair.</numerusform>
            <numerusform>%n replies to members' messages became pairs.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n answer(s) written without “Reply” right after a member's message became pairs too.</source>
        <translation>
            <numerusform>%n answer written without “Reply” right after a member's message became a pair too.</numerusform>
            <numerusform>%n answers written without “Reply” right after a member's message became pairs too.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n answer(s) without “Reply” came later than %1 after the member's message (the answer window), so they were left out.</source>
        <translation>
            <numerusform>%n answer without “Reply” came later than %1 after the member's message (the answer window), so it was left out.</numerusform>
            <numerusform>%n answers without “Reply” came later than %1 after the member's message (the answer window), so they were left out.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n answer(s) without “Reply” follow a member's message, but pairing such answers is switched off.</source>
        <translation>
            <numerusform>%n answer without “Reply” follows a member's message, but pairing such answers is switched off.</numerusform>
            <numerusform>%n answers without “Reply” follow a member's message, but pairing such answers is switched off.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n message(s) follow her own message with no question in between: posts, announcements, thoughts she went on with.</source>
        <translation>
            <numerusform>%n message follows her own message with no question in between: a post, an announcement, a thought she went on with.</numerusform>
            <numerusform>%n messages follow her own message with no question in between: posts, announcements, thoughts she went on with.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n message(s) reply to her own message, not to a member's question.</source>
        <translation>
            <numerusform>%n message replies to her own message, not to a member's question.</numerusform>
            <numerusform>%n messages reply to her own message, not to a member's question.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n message(s) reply to a channel post: a remark on the post, not an answer to a member.</source>
        <translation>
            <numerusform>%n message replies to a channel post: a remark on the post, not an answer to a member.</numerusform>
            <numerusform>%n messages reply to a channel post: a remark on the post, not an answer to a member.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n message(s) come right after a channel post, with no member's question before them.</source>
        <translation>
            <numerusform>%n message comes right after a channel post, with no member's question before it.</numerusform>
            <numerusform>%n messages come right after a channel post, with no member's question before them.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n message(s) open a chat or a topic: nothing came before them.</source>
        <translation>
            <numerusform>%n message opens a chat or a topic: nothing came before it.</numerusform>
            <numerusform>%n messages open a chat or a topic: nothing came before them.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n message(s) follow a question she had already answered with “Reply”.</source>
        <translation>
            <numerusform>%n message follows a question she had already answered with “Reply”.</numerusform>
            <numerusform>%n messages follow a question she had already answered with “Reply”.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n message(s) follow a message whose author the export does not name.</source>
        <translation>
            <numerusform>%n message follows a message whose author the export does not name.</numerusform>
            <numerusform>%n messages follow a message whose author the export does not name.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n message(s) are too short to be an answer (under %1 characters).</source>
        <translation>
            <numerusform>%n message is too short to be an answer (under %1 characters).</numerusform>
            <numerusform>%n messages are too short to be an answer (under %1 characters).</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Within %1: %n more pair(s)</source>
        <translation>
            <numerusform>Within %1: %n more pair</numerusform>
            <numerusform>Within %1: %n more pairs</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>The channel “%1” has %n post(s) here: if she writes as the channel, tick it as hers.</source>
        <translation>
            <numerusform>The channel “%1” has %n post here: if she writes as the channel, tick it as hers.</numerusform>
            <numerusform>The channel “%1” has %n posts here: if she writes as the channel, tick it as hers.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>“%1” wrote the most here (%n message(s)): is that her account?</source>
        <translation>
            <numerusform>“%1” wrote the most here (%n message): is that her account?</numerusform>
            <numerusform>“%1” wrote the most here (%n messages): is that her account?</numerusform>
        </translation>
    </message>
</context>
</TS>