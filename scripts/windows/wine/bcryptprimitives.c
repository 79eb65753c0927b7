/* ProcessPrng for Wine 8, which lacks bcryptprimitives.dll: RtlGenRandom fills the buffer. Test harness only. */
#include <windows.h>

typedef BOOLEAN (WINAPI *RtlGenRandomFn)(PVOID, ULONG);

BOOL WINAPI ProcessPrng(PBYTE data, SIZE_T length) {
    static RtlGenRandomFn generate = NULL;
    if (generate == NULL) {
        HMODULE advapi = LoadLibraryA("advapi32.dll");
        generate = (RtlGenRandomFn)GetProcAddress(advapi, "SystemFunction036");
        if (generate == NULL) return FALSE;
    }
    while (length > 0) {
        ULONG chunk = length > 0x10000000 ? 0x10000000 : (ULONG)length;
        if (!generate(data, chunk)) return FALSE;
        data += chunk;
        length -= chunk;
    }
    return TRUE;
}

BOOL WINAPI DllMain(HINSTANCE instance, DWORD reason, LPVOID reserved) { return TRUE; }
