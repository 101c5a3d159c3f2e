# Check: `check` and `check --deep` on a home of 10,000, 100,000 and 1,000,000 small documents (quick: 1,000 and
# 3,000; EVIDENT_BENCH_CHECK_SIZES overrides), filed through `evidence add` in batches of up to 10,000, for the chart.
bench_check() {
    local failed=0 sizes home="$work/check-home" filed=0
    if [ "$quick" = 1 ]; then sizes="1000 3000"; else sizes="${EVIDENT_BENCH_CHECK_SIZES:-10000 100000 1000000}"; fi
    bench_home "$home"
    for documents in $sizes; do
        while [ "$filed" -lt "$documents" ]; do
            local batch=$((documents - filed > 10000 ? 10000 : documents - filed))
            python3 - "$work/check-batch" "$filed" "$batch" <<'PY'
import os, sys
directory, first, count = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
os.makedirs(directory)
for n in range(first, first + count):
    with open(f"{directory}/note-{n:07}.txt", "wb") as f:
        f.write(f"Note {n}\n".encode() + os.urandom(512).hex().encode())
PY
            "$evident" evidence add "$work"/check-batch/note-*.txt --home "$home" --kind other \
                --title "Notes from $filed" --covers VEN-1 --party AUT-1 >/dev/null
            rm -rf "$work/check-batch"
            filed=$((filed + batch))
        done
        samples_reset
        sync
        for run in $(seq "$runs"); do
            sample check "$evident" check --home "$home"
            sample deep "$evident" check --deep --home "$home"
        done
        alone check-scale check '' '' series=check label=check size="$documents" unit=documents || failed=1
        alone check-deep-scale deep '' '' series=check label='check --deep' size="$documents" unit=documents ||
            failed=1
    done
    bench_remove "$home"
    return "$failed"
}
