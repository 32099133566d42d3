; Inno Setup script: the Windows installer for Natasha Studio.
;
; Built by packaging\build_windows.ps1, which passes the version from pyproject.toml:
;   ISCC.exe /DAppVersion=<version> packaging\windows\natasha_studio.iss
; It packs dist\NatashaStudio\ (the PyInstaller bundle) into dist\NatashaStudio-<version>-windows-x64-setup.exe.
; Installs per user by default (no administrator needed); the first page lets an
; administrator install for everyone instead.

#ifndef AppVersion
  #error Pass the version: ISCC /DAppVersion=<version> natasha_studio.iss
#endif
#define AppName "Natasha Studio"
#define AppExe "NatashaStudio.exe"
#define Root "..\.."

[Setup]
; The AppId identifies the app across versions, so an update replaces the old one.
AppId={{8C1F4C57-4E7B-4B0D-9E55-6A1B7E2D9A41}
AppName={#AppName}
AppVersion={#AppVersion}
AppVerName={#AppName} {#AppVersion}
AppPublisher={#AppName}
VersionInfoVersion={#AppVersion}
DefaultDirName={autopf}\{#AppName}
DefaultGroupName={#AppName}
DisableProgramGroupPage=yes
PrivilegesRequired=lowest
PrivilegesRequiredOverridesAllowed=dialog
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
MinVersion=10.0
OutputDir={#Root}\dist
OutputBaseFilename=NatashaStudio-{#AppVersion}-windows-x64-setup
SetupIconFile={#Root}\resources\icons\natasha-studio.ico
UninstallDisplayIcon={app}\{#AppExe}
UninstallDisplayName={#AppName}
WizardStyle=modern
Compression=lzma2/max
SolidCompression=yes
CloseApplications=yes
; *.nstudio project files open in the app on a double-click.
ChangesAssociations=yes

[Languages]
Name: "russian"; MessagesFile: "compiler:Languages\Russian.isl"
Name: "english"; MessagesFile: "compiler:Default.isl"

[Tasks]
Name: "desktopicon"; Description: "{cm:CreateDesktopIcon}"; GroupDescription: "{cm:AdditionalIcons}"; Flags: unchecked

[Files]
Source: "{#Root}\dist\NatashaStudio\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs

[InstallDelete]
; An update must not leave modules of the previous version beside the new ones.
Type: filesandordirs; Name: "{app}\_internal"

[Icons]
Name: "{autoprograms}\{#AppName}"; Filename: "{app}\{#AppExe}"; Comment: "{cm:AppComment}"
Name: "{autodesktop}\{#AppName}"; Filename: "{app}\{#AppExe}"; Tasks: desktopicon

[Registry]
; HKA: the current user's classes for a per-user install, the machine's for an all-users one.
Root: HKA; Subkey: "Software\Classes\.nstudio\OpenWithProgids"; ValueType: string; ValueName: "NatashaStudio.Project"; ValueData: ""; Flags: uninsdeletevalue
Root: HKA; Subkey: "Software\Classes\NatashaStudio.Project"; ValueType: string; ValueName: ""; ValueData: "{cm:ProjectFileType}"; Flags: uninsdeletekey
Root: HKA; Subkey: "Software\Classes\NatashaStudio.Project\DefaultIcon"; ValueType: string; ValueName: ""; ValueData: "{app}\{#AppExe},0"
Root: HKA; Subkey: "Software\Classes\NatashaStudio.Project\shell\open\command"; ValueType: string; ValueName: ""; ValueData: """{app}\{#AppExe}"" ""%1"""

[Run]
Filename: "{app}\{#AppExe}"; Description: "{cm:LaunchProgram,{#AppName}}"; Flags: nowait postinstall skipifsilent

[CustomMessages]
russian.AppComment=Датасет для дообучения из чатов Telegram: сбор, проверка, обучение и тест модели
english.AppComment=Build a fine-tuning dataset from Telegram chats, tune a model and test it
russian.ProjectFileType=Проект Natasha Studio
english.ProjectFileType=Natasha Studio project
