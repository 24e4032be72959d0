/* Test-only shim for wine 8.0 (Debian 12), which lacks bcryptprimitives.dll:
 * Go 1.22+ binaries call ProcessPrng from it at start-up (real Windows 10+
 * has it). scripts/check-wine.sh builds this into the temporary wine prefix;
 * it is never shipped. ProcessPrng is implemented with RtlGenRandom. */
#include <windows.h>
#include <ntsecapi.h>
BOOL WINAPI ProcessPrng(PBYTE data, SIZE_T len) {
  while (len > 0) {
    ULONG n = len > 0x7fffffff ? 0x7fffffff : (ULONG)len;
    if (!RtlGenRandom(data, n)) return FALSE;
    data += n; len -= n;
  }
  return TRUE;
}
