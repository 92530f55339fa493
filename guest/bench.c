// SPDX-License-Identifier: GPL-2.0
/*
 * One round of the lab's benchmark, run in the guest as root, in two
 * phases.  First with no task having selected tag checks, so that the
 * record's static key is still off (the lab boots the benchmark with
 * kunit.enable=0, since the record's KUnit suite turns it on): the
 * fault-free figures, without PROT_MTE, their keys prefixed "nokey.".  Then
 * with MTE on (synchronous tag checks, every tag right unless said
 * otherwise): every figure.  Prints one line per figure: "bench: KEY VALUE
 * UNIT".  The lab boots it under
 * QEMU's -icount shift=0,sleep=off on one vCPU, where guest time counts
 * instructions (1 ns = 1 instruction): the figures are instructions per
 * call ("insn"), the same from one boot to the next.
 *
 *   read.FS.SIZE, write.FS.SIZE   buffered pread/pwrite of SIZE bytes a
 *                                 call over a 4 MiB file (O_NOATIME), all
 *                                 tags right:
 *                                 the lowest of 5 runs of the mean over
 *                                 8 MiB of calls
 *   futex_wake_op                 FUTEX_WAKE_OP on a private futex with no
 *                                 waiter: one pagefault_disable()/enable()
 *                                 pair a call, around the atomic operation
 *   search_v2.SIZE                BTRFS_IOC_TREE_SEARCH_V2 with a SIZE
 *                                 result buffer: median of 21 calls
 *   fault_read.FS, fault_write.FS pread into or pwrite from a 2-page buffer
 *                                 with one bad granule: median of 21 calls
 *                                 to return, or "spins" if the first call
 *                                 has not returned in 1 s
 */
#define _GNU_SOURCE

#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>
#include <sys/ioctl.h>
#include <sys/mman.h>
#include <sys/prctl.h>
#include <sys/syscall.h>
#include <linux/futex.h>
#include <sys/wait.h>

#ifndef PROT_MTE
#define PROT_MTE	0x20
#endif

#define GRANULE		16
#define FILE_SIZE	(4 << 20)
#define MEASURE_BYTES	(8 << 20)
#define REPEAT		5
#define MAX_SIZE	(1 << 20)

/* From include/uapi/linux/btrfs.h. */
struct btrfs_search_key {
	uint64_t tree_id, min_objectid, max_objectid, min_offset, max_offset;
	uint64_t min_transid, max_transid;
	uint32_t min_type, max_type, nr_items;
	uint32_t unused, unused1;
	uint64_t unused2, unused3, unused4;
};

struct btrfs_search_args_v2 {
	struct btrfs_search_key key;
	uint64_t buf_size;
	uint64_t buf[];
};

#define BTRFS_IOC_TREE_SEARCH_V2 _IOWR(0x94, 17, struct btrfs_search_args_v2)

static const char *const fss[] = { "tmpfs", "gfs2", "btrfs" };
static const char *const dirs[] = { "/tmp", "/mnt/gfs2", "/mnt/btrfs" };

/* The phase: "nokey." before MTE is on, "" after. */
static const char *phase = "nokey.";

static double now(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_sec + ts.tv_nsec / 1e9;
}

static void *with_tag(void *p, unsigned long tag)
{
	return (void *)(((uintptr_t)p & ~(0xfUL << 56)) | (tag << 56));
}

static void set_tag(void *p)
{
	asm volatile("stg %0, [%0]" : : "r" (p) : "memory");
}

/*
 * A PROT_MTE buffer of @len bytes, every granule tagged 1; before MTE is on,
 * an ordinary one.
 */
static unsigned char *tagged_buffer(size_t len)
{
	int mte = !*phase;
	unsigned char *map = mmap(NULL, len, PROT_READ | PROT_WRITE | (mte ? PROT_MTE : 0),
				  MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	unsigned char *buf;
	size_t i;

	if (map == MAP_FAILED) {
		perror("bench: mmap");
		exit(1);
	}
	buf = with_tag(map, mte);
	for (i = 0; mte && i < len; i += GRANULE)
		set_tag(buf + i);
	memset(buf, 0x5a, len);
	return buf;
}

static int cmp_double(const void *a, const void *b)
{
	double x = *(const double *)a, y = *(const double *)b;

	return (x > y) - (x < y);
}

static void throughput(const char *fs, const char *dir, unsigned char *buf)
{
	static const size_t sizes[] = { 4096, 65536, MAX_SIZE };
	static const char *const names[] = { "4K", "64K", "1M" };
	char path[128];
	unsigned int s;
	int fd, w;

	snprintf(path, sizeof(path), "%s/bench-file", dir);
	/*
	 * O_NOATIME: whether relatime updates atime, and how long its
	 * timestamp comparisons take, depends on where the second boundaries
	 * fall, which I/O completion timing moves from one boot to the next.
	 */
	fd = open(path, O_RDWR | O_CREAT | O_TRUNC | O_NOATIME, 0600);
	if (fd < 0 || ftruncate(fd, FILE_SIZE)) {
		printf("bench: cannot create %s: %s\n", path, strerror(errno));
		return;
	}
	for (s = 0; s < FILE_SIZE; s += MAX_SIZE)
		if (pwrite(fd, buf, MAX_SIZE, s) != MAX_SIZE)
			exit(2);
	fsync(fd);
	for (w = 0; w < 2; w++) {
		for (s = 0; s < sizeof(sizes) / sizeof(sizes[0]); s++) {
			double rate[REPEAT];
			int r;

			for (r = 0; r < REPEAT; r++) {
				size_t calls = MEASURE_BYTES / sizes[s], c;
				off_t off = 0;
				double t0 = now();

				for (c = 0; c < calls; c++) {
					ssize_t n = w ? pwrite(fd, buf, sizes[s], off) :
							pread(fd, buf, sizes[s], off);

					if (n != (ssize_t)sizes[s])
						exit(3);
					off = (off + n) % FILE_SIZE;
				}
				rate[r] = (now() - t0) / calls * 1e9;
			}
			qsort(rate, REPEAT, sizeof(rate[0]), cmp_double);
			printf("bench: %s%s.%s.%s %.0f insn\n", phase, w ? "write" : "read",
			       fs, names[s], rate[0]);
		}
	}
	close(fd);
	unlink(path);
}

/* Median latency of the search ioctl on the btrfs root with @size bytes. */
static void search(size_t size, const char *name)
{
	struct btrfs_search_args_v2 *args;
	double t[21];
	int fd, i;

	fd = open("/mnt/btrfs", O_RDONLY | O_DIRECTORY);
	if (fd < 0)
		return;
	args = (void *)tagged_buffer(size);
	for (i = 0; i < 21; i++) {
		double t0;

		memset(&args->key, 0, sizeof(args->key));
		args->key.tree_id = 1;
		args->key.max_objectid = -1ULL;
		args->key.max_offset = -1ULL;
		args->key.max_transid = -1ULL;
		args->key.max_type = 255;
		args->key.nr_items = -1U;
		args->buf_size = size - sizeof(*args);
		t0 = now();
		if (ioctl(fd, BTRFS_IOC_TREE_SEARCH_V2, args)) {
			printf("bench: search_v2: %s\n", strerror(errno));
			return;
		}
		t[i] = now() - t0;
	}
	qsort(t, 21, sizeof(t[0]), cmp_double);
	printf("bench: %ssearch_v2.%s %.0f insn\n", phase, name, t[10] * 1e9);
	munmap(with_tag(args, 0), size);
	close(fd);
}

/*
 * Median time for a pread into, or a pwrite from, a buffer with one bad
 * granule to return.
 */
static void fault_latency(const char *fs, const char *dir, int write)
{
	size_t len = 2 * 4096, i;
	unsigned char *buf;
	char path[128];
	int fd, status, n = 21;
	double t[21];
	pid_t pid;

	snprintf(path, sizeof(path), "%s/bench-fault", dir);
	fd = open(path, O_RDWR | O_CREAT | O_TRUNC, 0600);
	buf = tagged_buffer(len);
	if (fd < 0 || pwrite(fd, buf, len, 0) != (ssize_t)len)
		exit(4);
	fsync(fd);
	set_tag(with_tag(buf + len / 4, 2));

	/* A child makes the calls: on an unpatched kernel the first may spin. */
	pid = fork();
	if (pid == 0) {
		for (i = 0; i < (size_t)n; i++) {
			double t0 = now();

			if (write)
				pwrite(fd, buf, len, 0);
			else
				pread(fd, buf, len, 0);
			t[i] = now() - t0;
		}
		qsort(t, n, sizeof(t[0]), cmp_double);
		printf("bench: fault_%s.%s %.0f insn\n", write ? "write" : "read", fs,
		       t[n / 2] * 1e9);
		fflush(stdout);
		_exit(0);
	}
	for (i = 0; i < 100 && waitpid(pid, &status, WNOHANG) == 0; i++)
		usleep(10000);
	if (i == 100) {
		kill(pid, SIGKILL);
		waitpid(pid, &status, 0);
		printf("bench: fault_%s.%s spins\n", write ? "write" : "read", fs);
	}
	close(fd);
	unlink(path);
}

/* FUTEX_WAKE_OP with no waiter: the atomic op runs under pagefault_disable(). */
static void futex_wake_op(void)
{
	static uint32_t word[2];
	double t[21];
	int i, c;

	for (i = 0; i < 21; i++) {
		double t0 = now();

		for (c = 0; c < 1000; c++)
			syscall(SYS_futex, &word[0], FUTEX_WAKE_OP | FUTEX_PRIVATE_FLAG, 1, 1,
				&word[1], FUTEX_OP(FUTEX_OP_ADD, 1, FUTEX_OP_CMP_EQ, 0));
		t[i] = (now() - t0) / 1000;
	}
	qsort(t, 21, sizeof(t[0]), cmp_double);
	printf("bench: %sfutex_wake_op %.0f insn\n", phase, t[10] * 1e9);
}

/* The fault-free figures of this phase. */
static void fault_free(void)
{
	unsigned char *buf = tagged_buffer(MAX_SIZE);
	unsigned int f;

	for (f = 0; f < 3; f++)
		throughput(fss[f], dirs[f], buf);
	futex_wake_op();
	search(64 << 10, "64K");
	search(1 << 20, "1M");
	munmap(with_tag(buf, 0), MAX_SIZE);
}

int main(void)
{
	unsigned int f;

	setvbuf(stdout, NULL, _IOLBF, 0);
	fault_free();

	phase = "";
	if (prctl(PR_SET_TAGGED_ADDR_CTRL, PR_TAGGED_ADDR_ENABLE | PR_MTE_TCF_SYNC |
		  (0xfffeUL << PR_MTE_TAG_SHIFT), 0, 0, 0)) {
		perror("bench: MTE");
		return 1;
	}
	fault_free();
	for (f = 0; f < 3; f++) {
		fault_latency(fss[f], dirs[f], 0);
		fault_latency(fss[f], dirs[f], 1);
	}
	return 0;
}
