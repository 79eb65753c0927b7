; The per-user installer for selvhjelp: no administrator rights, in the user's own programs folder,
; a Start-menu and a desktop shortcut that open the app in the browser without a console window,
; and an entry in Windows' list of installed programs. An update replaces the program; neither an
; update nor an uninstall touches the group files (Documents\Selvhjelp).
;
; Built by scripts/build_windows.py:  makensis -DVERSION=… -DSOURCE=<folder> -DOUTFILE=<exe> -DSIZE_KB=…

Unicode true
Target amd64-unicode
RequestExecutionLevel user
SetCompressor /SOLID lzma
ManifestDPIAware true

!include "MUI2.nsh"

!define NAME "selvhjelp"
!define UNINSTALL_KEY "Software\Microsoft\Windows\CurrentVersion\Uninstall\selvhjelp"
!define PYTHONW "$INSTDIR\runtime\pythonw.exe"
!define START_ARGS '-c "from selvhjelp_cli.entry import app_main; app_main()"'

Name "${NAME}"
OutFile "${OUTFILE}"
InstallDir "$LOCALAPPDATA\Programs\selvhjelp"
InstallDirRegKey HKCU "${UNINSTALL_KEY}" "InstallLocation"
BrandingText "selvhjelp ${VERSION}"
VIProductVersion "${VERSION}.0"
VIAddVersionKey /LANG=1044 "ProductName" "selvhjelp"
VIAddVersionKey /LANG=1044 "FileDescription" "Installerer selvhjelp"
VIAddVersionKey /LANG=1044 "FileVersion" "${VERSION}"
VIAddVersionKey /LANG=1044 "ProductVersion" "${VERSION}"
VIAddVersionKey /LANG=1044 "LegalCopyright" "selvhjelp-utviklerne, MIT-lisens"

!define MUI_ICON "selvhjelp.ico"
!define MUI_UNICON "selvhjelp.ico"
!define MUI_ABORTWARNING
!define MUI_WELCOMEPAGE_TITLE "Installer selvhjelp"
!define MUI_WELCOMEPAGE_TEXT "Dette installerer selvhjelp ${VERSION} for deg. Du trenger ikke administratorrettigheter.$\r$\n$\r$\nEtterpå finner du selvhjelp på skrivebordet og i Start-menyen. Programmet åpnes i nettleseren og sender ingenting ut på nettet.$\r$\n$\r$\nGruppefilene dine ligger i Dokumenter\Selvhjelp. Verken installasjon, oppdatering eller avinstallering rører dem."
!define MUI_FINISHPAGE_TITLE "selvhjelp er installert"
!define MUI_FINISHPAGE_TEXT "Du starter selvhjelp med ikonet på skrivebordet eller i Start-menyen."
!define MUI_FINISHPAGE_RUN
!define MUI_FINISHPAGE_RUN_TEXT "Start selvhjelp nå"
!define MUI_FINISHPAGE_RUN_FUNCTION StartApp

!insertmacro MUI_PAGE_WELCOME
!insertmacro MUI_PAGE_INSTFILES
!insertmacro MUI_PAGE_FINISH
!insertmacro MUI_UNPAGE_CONFIRM
!insertmacro MUI_UNPAGE_INSTFILES
!insertmacro MUI_LANGUAGE "Norwegian"

Function StartApp
  Exec '"${PYTHONW}" ${START_ARGS}'
FunctionEnd

; A running selvhjelp holds its files open: ask the person to close it, instead of half an update.
!macro CloseFirst
  check:
  IfFileExists "${PYTHONW}" 0 done
  ClearErrors
  Delete "${PYTHONW}"  ; Windows refuses to delete a program that is running
  IfErrors 0 done
  MessageBox MB_RETRYCANCEL|MB_ICONEXCLAMATION "selvhjelp er i gang. Lukk selvhjelp først (knappen «Lukk selvhjelp» nederst på siden i nettleseren), og trykk Prøv på nytt." /SD IDCANCEL IDRETRY check
  Abort
  done:
!macroend

Section "selvhjelp"
  SetShellVarContext current
  !insertmacro CloseFirst
  ; An update starts from a clean program folder; the group files live elsewhere.
  RMDir /r "$INSTDIR\runtime"
  SetOutPath "$INSTDIR"
  File /r "${SOURCE}\*.*"
  WriteUninstaller "$INSTDIR\avinstaller.exe"
  CreateShortcut "$SMPROGRAMS\selvhjelp.lnk" "${PYTHONW}" '${START_ARGS}' "$INSTDIR\selvhjelp.ico" 0 SW_SHOWNORMAL "" "Åpne selvhjelp i nettleseren"
  CreateShortcut "$DESKTOP\selvhjelp.lnk" "${PYTHONW}" '${START_ARGS}' "$INSTDIR\selvhjelp.ico" 0 SW_SHOWNORMAL "" "Åpne selvhjelp i nettleseren"
  WriteRegStr HKCU "${UNINSTALL_KEY}" "DisplayName" "selvhjelp"
  WriteRegStr HKCU "${UNINSTALL_KEY}" "DisplayVersion" "${VERSION}"
  WriteRegStr HKCU "${UNINSTALL_KEY}" "Publisher" "selvhjelp-utviklerne"
  WriteRegStr HKCU "${UNINSTALL_KEY}" "DisplayIcon" "$INSTDIR\selvhjelp.ico"
  WriteRegStr HKCU "${UNINSTALL_KEY}" "InstallLocation" "$INSTDIR"
  WriteRegStr HKCU "${UNINSTALL_KEY}" "UninstallString" '"$INSTDIR\avinstaller.exe"'
  WriteRegStr HKCU "${UNINSTALL_KEY}" "QuietUninstallString" '"$INSTDIR\avinstaller.exe" /S'
  WriteRegDWORD HKCU "${UNINSTALL_KEY}" "EstimatedSize" ${SIZE_KB}
  WriteRegDWORD HKCU "${UNINSTALL_KEY}" "NoModify" 1
  WriteRegDWORD HKCU "${UNINSTALL_KEY}" "NoRepair" 1
SectionEnd

Section "Uninstall"
  SetShellVarContext current
  !insertmacro CloseFirst
  Delete "$SMPROGRAMS\selvhjelp.lnk"
  Delete "$DESKTOP\selvhjelp.lnk"
  RMDir /r "$INSTDIR\runtime"
  Delete "$INSTDIR\Start selvhjelp.cmd"
  Delete "$INSTDIR\selvhjelp.cmd"
  Delete "$INSTDIR\LES-MEG.txt"
  Delete "$INSTDIR\selvhjelp.ico"
  Delete "$INSTDIR\avinstaller.exe"
  RMDir "$INSTDIR"
  ; What a run leaves for the next (locks, the running app's address): never group files.
  RMDir /r "$LOCALAPPDATA\selvhjelp"
  DeleteRegKey HKCU "${UNINSTALL_KEY}"
SectionEnd
