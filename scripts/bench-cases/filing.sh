# Filing: 8 documents of 128 MiB (quick: 4 MiB) in one `evidence add` into a fresh home, fsynced, against copying
# the same files with `cp` and `sync`, and against `openssl dgst -sha256` of them.
bench_filing() {
    local mib=$([ "$quick" = 1 ] && echo 4 || echo 128) failed=0
    bench_documents 8 "$work/filing" "$mib"
    for run in $(seq "$runs"); do
        bench_home "$work/filing-home"
        sync
        sample evident "$evident" evidence add "$work"/filing/part-*.bin --home "$work/filing-home" --kind other \
            --title "Eight parts" --covers VEN-1 --party AUT-1
        bench_remove "$work/filing-home"
        mkdir "$work/filing-copy"
        sync
        sample cp bash -c 'cp "$@" "$0" && sync' "$work/filing-copy" "$work"/filing/part-*.bin
        bench_remove "$work/filing-copy"
        sample openssl openssl dgst -sha256 "$work"/filing/part-*.bin
    done
    compare filing evident cp 'cp + sync' 1.1 64 size_mib=$((8 * mib)) || failed=1
    compare filing evident openssl 'openssl dgst -sha256' '' '' size_mib=$((8 * mib)) || failed=1
    bench_remove "$work/filing"
    return "$failed"
}
