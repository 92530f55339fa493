// SPDX-License-Identifier: GPL-2.0
/*
 * /proc/kcore's vmalloc read (scripts/kcore.sh): read 4 KiB of a vmalloc
 * area, as root, into a buffer whose pages are not there yet, and into a
 * buffer with one mismatched MTE granule (synchronous tag checking).
 * Each read runs in a child: its result, or "spins" when it has not
 * returned after 5 s, and then whether SIGKILL ends it.
 * Output lines: "kcore: NAME: RESULT".
 */
#include <elf.h>
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/prctl.h>
#include <sys/wait.h>
#include <unistd.h>

#ifndef PROT_MTE
#define PROT_MTE 0x20
#endif
#define PG 4096UL

static int fd;
static off_t off;

static void stg(void *p)
{
	asm volatile("stg %0, [%0]" : : "r"(p) : "memory");
}

/* The file offset of the first vmalloc() area that /proc/vmallocinfo lists. */
static off_t vmalloc_offset(void)
{
	unsigned long addr = 0;
	char line[256];
	Elf64_Ehdr eh;
	Elf64_Phdr ph;
	FILE *f;
	int i;

	/* vmallocinfo shows real addresses to CAP_SYSLOG with kptr_restrict 1. */
	f = fopen("/proc/sys/kernel/kptr_restrict", "w");
	if (f) {
		fputs("1", f);
		fclose(f);
	}
	f = fopen("/proc/vmallocinfo", "r");
	while (f && !addr && fgets(line, sizeof(line), f))
		if (strstr(line, " vmalloc") && strstr(line, "pages="))
			addr = strtoul(line, NULL, 16);
	if (!addr) {
		printf("kcore: no vmalloc() area in /proc/vmallocinfo\n");
		exit(1);
	}
	if (pread(fd, &eh, sizeof(eh), 0) != sizeof(eh)) {
		printf("kcore: no ELF header\n");
		exit(1);
	}
	for (i = 0; i < eh.e_phnum; i++) {
		if (pread(fd, &ph, sizeof(ph), eh.e_phoff + i * sizeof(ph)) != sizeof(ph))
			break;
		if (ph.p_type == PT_LOAD && addr >= ph.p_vaddr &&
		    addr < ph.p_vaddr + ph.p_memsz)
			return ph.p_offset + (addr - ph.p_vaddr);
	}
	printf("kcore: no segment holds the vmalloc() area\n");
	exit(1);
}

static void trial(const char *name, char *buf)
{
	int i, st;
	pid_t pid = fork();

	if (!pid) {
		char ref[PG];
		ssize_t rr = pread(fd, ref, PG, off);
		ssize_t r = pread(fd, buf, PG, off);

		printf("kcore: %s: ret=%zd errno=%d", name, r, r < 0 ? errno : 0);
		if (r == (ssize_t)PG && rr == r)
			printf(", bytes as read into a present buffer: %s",
			       memcmp(ref, buf, PG) ? "no" : "yes");
		printf("\n");
		_exit(0);
	}
	for (i = 0; i < 50; i++) {
		if (waitpid(pid, &st, WNOHANG) == pid)
			return;
		usleep(100000);
	}
	kill(pid, SIGKILL);
	for (i = 0; i < 100; i++) {
		if (waitpid(pid, &st, WNOHANG) == pid) {
			printf("kcore: %s: spins, killed by SIGKILL\n", name);
			return;
		}
		usleep(100000);
	}
	printf("kcore: %s: spins, unkillable\n", name);
}

int main(void)
{
	char *fresh, *mte;
	unsigned long g;

	setvbuf(stdout, NULL, _IONBF, 0);
	fd = open("/proc/kcore", O_RDONLY);
	if (fd < 0) {
		printf("kcore: open /proc/kcore: %s\n", strerror(errno));
		return 1;
	}
	off = vmalloc_offset();
	if (prctl(PR_SET_TAGGED_ADDR_CTRL, PR_TAGGED_ADDR_ENABLE | PR_MTE_TCF_SYNC |
		  (0xfffeUL << PR_MTE_TAG_SHIFT), 0, 0, 0)) {
		printf("kcore: no MTE\n");
		return 1;
	}
	fresh = mmap(NULL, 2 * PG, PROT_READ | PROT_WRITE,
		     MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	mte = mmap(NULL, 2 * PG, PROT_READ | PROT_WRITE | PROT_MTE,
		   MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	if (fresh == MAP_FAILED || mte == MAP_FAILED) {
		printf("kcore: mmap failed\n");
		return 1;
	}
	trial("fresh_buffer", fresh + PG / 2);
	/* Tag 1 on every granule of the two pages but the one 3 KiB into the read. */
	mte = (char *)((uintptr_t)mte | (1UL << 56));
	for (g = 0; g < 2 * PG; g += 16)
		if (g != PG + 1024)
			stg(mte + g);
	memset(mte, 0, PG + 1024);
	trial("bad_granule", mte + PG / 2);
	return 0;
}
