/* api-ms-win-core-synch-l1-2-0.dll for Wine 8: every export is forwarded (synch.def). Test harness only. */
#include <windows.h>

BOOL WINAPI DllMain(HINSTANCE instance, DWORD reason, LPVOID reserved) { return TRUE; }
