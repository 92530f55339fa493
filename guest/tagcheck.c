// SPDX-License-Identifier: GPL-2.0
/*
 * Does the emulator store one MTE allocation tag per 16-byte granule?
 * Tags a page with tag 1, gives one granule tag 3, and reads every tag back.
 * QEMU 7.2 fails this: one STG changes every other granule of the page.
 * It selects no tag checking (PR_MTE_TCF_NONE): STG and LDG need none, and
 * a task that selects synchronous checks turns on the kernel's uaccess
 * fault record, which the benchmark measures off as well as on.
 */
#include <stdint.h>
#include <stdio.h>
#include <sys/auxv.h>
#include <sys/mman.h>
#include <sys/prctl.h>

#define PROT_MTE	0x20
#define HWCAP2_MTE	(1 << 18)

static void *tagged(void *p, unsigned long tag)
{
	return (void *)(((uintptr_t)p & ~(0xfUL << 56)) | (tag << 56));
}

static unsigned long get_tag(void *p)
{
	void *q = p;

	asm volatile("ldg %0, [%0]" : "+r" (q));
	return ((uintptr_t)q >> 56) & 0xf;
}

int main(void)
{
	unsigned char *page;
	int i, bad = 0;

	if (!(getauxval(AT_HWCAP2) & HWCAP2_MTE)) {
		puts("mte-selfcheck: FAIL: the CPU has no MTE");
		return 1;
	}
	if (prctl(PR_SET_TAGGED_ADDR_CTRL, PR_TAGGED_ADDR_ENABLE | PR_MTE_TCF_NONE |
		  (0xfffe << PR_MTE_TAG_SHIFT), 0, 0, 0))
		return 1;
	page = mmap(NULL, 4096, PROT_READ | PROT_WRITE | PROT_MTE,
		    MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	if (page == MAP_FAILED)
		return 1;
	for (i = 0; i < 4096; i += 16)
		asm volatile("stg %0, [%0]" : : "r" (tagged(page + i, 1)) : "memory");
	asm volatile("stg %0, [%0]" : : "r" (tagged(page + 16, 3)) : "memory");
	for (i = 0; i < 4096; i += 16) {
		unsigned long want = i == 16 ? 3 : 1;

		if (get_tag(page + i) != want) {
			if (!bad)
				printf("mte-selfcheck: FAIL: granule %d has tag %lu, not %lu\n",
				       i, get_tag(page + i), want);
			bad++;
		}
	}
	if (bad) {
		printf("mte-selfcheck: FAIL: %d granules wrong; the emulator does not store MTE tags per granule\n",
		       bad);
		return 1;
	}
	puts("mte-selfcheck: ok");
	return 0;
}
