// SPDX-License-Identifier: GPL-2.0
/*
 * Never worse with the record than without it: calls that follow a user
 * access fault that faulting in cannot fix, in the same task or a child,
 * must give what they give with no such fault before them, byte for byte.
 * Run as root with synchronous MTE tag checks on tmpfs (/tmp), gfs2
 * (/mnt/gfs2) and btrfs (/mnt/btrfs).  KTAP output, one case a filesystem
 * and sequence, "stale.FS.SEQUENCE":
 *
 *   read_fault-write_protnone  a pread() into a buffer with a bad granule,
 *                              then a pwrite() from 3 pages whose third is
 *                              PROT_NONE
 *   write_fault-read_protnone  a pwrite() from a buffer with a bad
 *                              granule, then a pread() into 3 pages whose
 *                              third is PROT_NONE
 *   read_fault-clean_read      a faulting pread(), then a clean one
 *   read_fault-fork_read       a faulting pread(), then a clean one in a
 *                              child forked after it
 *   write_fault-short          a pwrite() from 2 pages with a bad granule
 *                              at 2048: exactly the 2048 bytes before it
 *                              are written, not -EFAULT
 *   write_fault-short_append   the same at the end of the file, into new
 *                              folios that are not uptodate (btrfs reverts
 *                              a short copy into one, and retries)
 *
 * Each sequence runs in a child of its own, and so does its control (the
 * last call alone); both report the call's result and a checksum of the
 * bytes it moved, and the case passes when they are the same.  A child
 * still running after 3 s is reported as a live-lock and killed; one that
 * SIGKILL does not end within 2 s more is left behind, so that the cases
 * after it still run.
 */
#define _GNU_SOURCE

#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <sys/mman.h>
#include <sys/prctl.h>
#include <sys/wait.h>

#ifndef PROT_MTE
#define PROT_MTE	0x20
#endif

#define PAGE		4096
#define GRANULE		16
#define BAD		2048

static const char *const fss[] = { "tmpfs", "gfs2", "btrfs" };
static const char *const dirs[] = { "/tmp", "/mnt/gfs2", "/mnt/btrfs" };

static void *with_tag(void *p, unsigned long tag)
{
	return (void *)(((uintptr_t)p & ~(0xfUL << 56)) | (tag << 56));
}

static void set_tag(void *p)
{
	asm volatile("stg %0, [%0]" : : "r" (p) : "memory");
}

/* @len bytes of PROT_MTE memory tagged 1, the granule at @bad tagged 2. */
static unsigned char *tagged(size_t len, long bad)
{
	unsigned char *map = mmap(NULL, len, PROT_READ | PROT_WRITE | PROT_MTE,
				  MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	unsigned char *buf;
	size_t i;

	if (map == MAP_FAILED)
		return NULL;
	buf = with_tag(map, 1);
	for (i = 0; i < len; i += GRANULE)
		set_tag(buf + i);
	memset(buf, 0xa5, len);
	if (bad >= 0)
		set_tag(with_tag(buf + bad, 2));
	return buf;
}

/* 3 pages tagged 1, the third PROT_NONE. */
static unsigned char *protnone(void)
{
	unsigned char *buf = tagged(3 * PAGE, -1);

	if (buf && mprotect(with_tag(buf + 2 * PAGE, 0), PAGE, PROT_NONE))
		return NULL;
	return buf;
}

static uint64_t fnv(const unsigned char *p, size_t n)
{
	uint64_t h = 1469598103934665603ULL;

	while (n--)
		h = (h ^ *p++) * 1099511628211ULL;
	return h;
}

/* A file of 4 pages of a pattern in @dir, already unlinked. */
static int file(const char *dir)
{
	unsigned char data[4 * PAGE];
	char path[128];
	int fd, i;

	snprintf(path, sizeof(path), "%s/stale-XXXXXX", dir);
	fd = mkstemp(path);
	if (fd < 0)
		return -1;
	unlink(path);
	for (i = 0; i < (int)sizeof(data); i++)
		data[i] = i * 7 + 3;
	if (pwrite(fd, data, sizeof(data), 0) != sizeof(data))
		return -1;
	return fd;
}

/* The result of a call (@ret, @err), and the checksum of @n bytes at @p. */
static void report(int wfd, ssize_t ret, int err, const unsigned char *p, size_t n)
{
	char line[128];
	int len = snprintf(line, sizeof(line), "ret=%zd errno=%d sum=%016llx",
			   ret, err, (unsigned long long)fnv(p, n));

	if (write(wfd, line, len) != len)
		_exit(2);
}

/* The same, with the bytes @fd holds after a write. */
static void report_file(int wfd, int fd, ssize_t ret, int err)
{
	static unsigned char back[6 * PAGE];
	ssize_t n = pread(fd, back, sizeof(back), 0);

	report(wfd, ret, err, back, n > 0 ? n : 0);
}

enum seq {
	READ_PROTNONE, WRITE_PROTNONE, CLEAN_READ, FORK_READ, SHORT_WRITE,
	SHORT_APPEND, NR_SEQ
};

static const char *const names[] = {
	"read_fault-write_protnone", "write_fault-read_protnone",
	"read_fault-clean_read", "read_fault-fork_read", "write_fault-short",
	"write_fault-short_append",
};

/* In a child: the sequence (@prefix) or its control (!@prefix). */
static void run(enum seq s, const char *dir, int prefix, int wfd)
{
	unsigned char *bad = tagged(2 * PAGE, BAD), *three = protnone();
	unsigned char *clean = tagged(2 * PAGE, -1);
	int fd = file(dir), out = file(dir);
	ssize_t ret;
	pid_t pid;

	if (!bad || !three || !clean || fd < 0 || out < 0)
		_exit(3);
	if (prefix) {
		if (s == WRITE_PROTNONE)
			pwrite(out, bad, 2 * PAGE, 0);
		else if (s != SHORT_WRITE && s != SHORT_APPEND)
			pread(fd, bad, 2 * PAGE, 0);
	}
	switch (s) {
	case READ_PROTNONE:
		ret = pwrite(out, three, 3 * PAGE, 0);
		report_file(wfd, out, ret, ret < 0 ? errno : 0);
		break;
	case WRITE_PROTNONE:
		ret = pread(fd, three, 3 * PAGE, 0);
		report(wfd, ret, ret < 0 ? errno : 0, three, 2 * PAGE);
		break;
	case CLEAN_READ:
		ret = pread(fd, clean, 2 * PAGE, 0);
		report(wfd, ret, ret < 0 ? errno : 0, clean, 2 * PAGE);
		break;
	case FORK_READ:
		pid = fork();
		if (pid == 0) {
			ret = pread(fd, clean, 2 * PAGE, 0);
			report(wfd, ret, ret < 0 ? errno : 0, clean, 2 * PAGE);
			_exit(0);
		}
		waitpid(pid, NULL, 0);
		break;
	case SHORT_WRITE:
		/* Its control: a write of exactly the bytes before the granule. */
		ret = prefix ? pwrite(out, bad, 2 * PAGE, 0) : pwrite(out, clean, BAD, 0);
		report_file(wfd, out, ret, ret < 0 ? errno : 0);
		break;
	case SHORT_APPEND:
		ret = prefix ? pwrite(out, bad, 2 * PAGE, 4 * PAGE) :
			       pwrite(out, clean, BAD, 4 * PAGE);
		report_file(wfd, out, ret, ret < 0 ? errno : 0);
		break;
	default:
		_exit(4);
	}
	_exit(0);
}

/* Runs one child; its report in @buf, or "spins" if it is still running. */
static int child(enum seq s, const char *dir, int prefix, char *buf, size_t len)
{
	int p[2], status, i;
	ssize_t n;
	pid_t pid;

	if (pipe(p))
		return -1;
	pid = fork();
	if (pid == 0) {
		close(p[0]);
		run(s, dir, prefix, p[1]);
	}
	close(p[1]);
	for (i = 0; i < 300 && waitpid(pid, &status, WNOHANG) == 0; i++)
		usleep(10000);
	if (i == 300) {
		kill(pid, SIGKILL);
		for (i = 0; i < 200 && waitpid(pid, &status, WNOHANG) == 0; i++)
			usleep(10000);
		snprintf(buf, len, i == 200 ? "spins, unkillable" : "spins");
		close(p[0]);
		return 1;
	}
	n = read(p[0], buf, len - 1);
	close(p[0]);
	buf[n > 0 ? n : 0] = 0;
	if (!WIFEXITED(status) || WEXITSTATUS(status))
		snprintf(buf, len, "child failed (status %#x)", status);
	return 0;
}

int main(void)
{
	int f, s, n = 0, failed = 0;

	setvbuf(stdout, NULL, _IOLBF, 0);
	printf("TAP version 13\n1..%d\n", 3 * NR_SEQ);
	if (prctl(PR_SET_TAGGED_ADDR_CTRL, PR_TAGGED_ADDR_ENABLE | PR_MTE_TCF_SYNC |
		  (0xfffeUL << PR_MTE_TAG_SHIFT), 0, 0, 0)) {
		for (n = 1; n <= 3 * NR_SEQ; n++)
			printf("ok %d stale.%s.%s # SKIP no MTE\n", n, fss[(n - 1) / NR_SEQ],
			       names[(n - 1) % NR_SEQ]);
		return 0;
	}
	for (f = 0; f < 3; f++) {
		for (s = 0; s < NR_SEQ; s++) {
			char seq[128], ctl[128];
			int spins;

			spins = child(s, dirs[f], 1, seq, sizeof(seq));
			child(s, dirs[f], 0, ctl, sizeof(ctl));
			printf("# stale.%s.%s: %s, alone: %s\n", fss[f], names[s], seq, ctl);
			if (spins)
				printf("# live-lock: still running after 3 s\n");
			if (spins || strcmp(seq, ctl))
				failed++;
			printf("%sok %d stale.%s.%s\n", spins || strcmp(seq, ctl) ? "not " : "",
			       ++n, fss[f], names[s]);
		}
	}
	return failed ? 1 : 0;
}
