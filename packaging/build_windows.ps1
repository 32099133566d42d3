# Build the Windows app: a one-folder bundle, then an Inno Setup installer with a Start-menu
# entry.
#
#     powershell -ExecutionPolicy Bypass -File packaging\build_windows.ps1 [-Python python]
#
# Needs Python 3.11-3.13 with the app's dependencies installable, and Inno Setup 6 (ISCC.exe
# on PATH or in its default folder; "choco install innosetup" installs it).
# Output: dist\NatashaStudio\ (the bundle) and dist\NatashaStudio-<version>-windows-x64-setup.exe
param(
    [string]$Python = "python",
    [switch]$SkipInstaller
)
$ErrorActionPreference = "Stop"
Set-Location (Join-Path $PSScriptRoot "..")

function Invoke-Checked {
    param([string]$Exe, [string[]]$Arguments)
    & $Exe @Arguments
    if ($LASTEXITCODE -ne 0) { throw "$Exe $($Arguments -join ' ') failed with exit code $LASTEXITCODE" }
}

Invoke-Checked $Python @("-m", "pip", "install", "--quiet", "--disable-pip-version-check", "-e", ".[packaging]")
$version = & $Python -c "import sys; sys.path.insert(0, 'packaging'); import bundle_plan; print(bundle_plan.project_info().version)"
if ($LASTEXITCODE -ne 0) { throw "could not read the version from pyproject.toml" }
$version = $version.Trim()

Write-Host "== PyInstaller: Natasha Studio $version"
$watch = [System.Diagnostics.Stopwatch]::StartNew()
Invoke-Checked $Python @("-m", "PyInstaller", "--noconfirm", "--clean", "--log-level", "WARN",
    "--distpath", "dist", "--workpath", "build\pyinstaller", "packaging\natasha_studio.spec")
$size = (Get-ChildItem dist\NatashaStudio -Recurse -File | Measure-Object Length -Sum).Sum / 1MB
Write-Host ("   built in {0:N0} s: {1:N0} MB" -f $watch.Elapsed.TotalSeconds, $size)

if ($SkipInstaller) { return }

Write-Host "== Inno Setup installer"
$iscc = (Get-Command iscc.exe -ErrorAction SilentlyContinue).Source
if (-not $iscc) {
    foreach ($dir in @("${env:ProgramFiles(x86)}\Inno Setup 6", "$env:ProgramFiles\Inno Setup 6",
                       "$env:LOCALAPPDATA\Programs\Inno Setup 6")) {
        if (Test-Path "$dir\ISCC.exe") { $iscc = "$dir\ISCC.exe"; break }
    }
}
if (-not $iscc) { throw "Inno Setup 6 (ISCC.exe) was not found: install it, e.g. 'choco install innosetup'" }
Invoke-Checked $iscc @("/Q", "/DAppVersion=$version", "packaging\windows\natasha_studio.iss")
Write-Host "   dist\NatashaStudio-$version-windows-x64-setup.exe"
