# 10,000 small documents (quick: 500) of 1–16 KiB in one `evidence add`, against `sha256sum` of the same files.
bench_small_documents() {
    local count=$([ "$quick" = 1 ] && echo 500 || echo 10000) failed=0
    python3 - "$work/small" "$count" <<'PY'
import os, random, sys
directory, count = sys.argv[1], int(sys.argv[2])
os.makedirs(directory)
rng = random.Random(15)
for n in range(count):
    with open(f"{directory}/note-{n:05}.txt", "wb") as f:
        f.write(f"Note {n}\n".encode() + os.urandom(rng.randint(512, 8192)).hex().encode())
PY
    for run in $(seq "$runs"); do
        bench_home "$work/small-home"
        sync
        sample evident "$evident" evidence add "$work"/small/note-*.txt --home "$work/small-home" --kind other \
            --title "Many notes" --covers VEN-1 --party AUT-1
        bench_remove "$work/small-home"
        sample sha256sum sha256sum "$work"/small/note-*.txt
    done
    compare small-documents evident sha256sum 'sha256sum' '' 64 documents="$count" || failed=1
    bench_remove "$work/small"
    return "$failed"
}
