/* ?trmm: the same checks as level3_trsm.c, with a direct-product oracle. */
#define TEST_TRMM 1
#include "level3_trsm.c"
