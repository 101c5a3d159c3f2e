# shellcheck shell=bash
# One agency's registry to seal bundles from, for the intake bench and crash test: Skattestyrelsen (CVR 13748136)
# with TastSelv, one vendor's statistics service and its usage on agreement (USE-1), and a signing key that the
# allowed signers tie to the CVR.

# agency_home EVIDENT HOME: a new home holding the agency's registry.
agency_home() {
    local evident="$1" home="$2"
    "$evident" init --home "$home" >/dev/null
    "$evident" authority add --home "$home" --name Skattestyrelsen --cvr 13748136 --kind state >/dev/null
    "$evident" solution add --home "$home" --name TastSelv --kind self-service --channel web \
        --url https://www.skat.dk --audience citizens --mandatory --owner Skattestyrelsen:responsible >/dev/null
    "$evident" vendor add --home "$home" --name Vendor --country DK >/dev/null
    "$evident" service add --home "$home" --vendor Vendor --name Statistics --category statistics \
        --host stats.example.com >/dev/null
    "$evident" usage add --home "$home" --solution TastSelv --service Statistics --since 2024-01-01 \
        --route agreement --vendor-own-purposes no >/dev/null
}

# agency_key EVIDENT KEY SIGNERS: a new key at KEY (and KEY.pub), and SIGNERS, an allowed_signers file trusting it
# for the agency.
agency_key() {
    local evident="$1" key="$2" signers="$3"
    "$evident" key new --out "$key" --identity ops@skat.dk >/dev/null 2>&1
    printf 'ops@skat.dk,cvr:13748136 %s\n' "$(cut -d' ' -f1,2 "$key.pub")" >"$signers"
}

# agency_agreement EVIDENT HOME DIR KIB: files a new data processing agreement of four random PDFs, together KIB
# KiB, written to DIR, covering USE-1.
agency_agreement() {
    local evident="$1" home="$2" dir="$3" kib="$4" part
    for part in 1 2 3 4; do
        printf '%%PDF-1.4\n' >"$dir/agreement-$part.pdf"
        head -c $((kib * 1024 / 4)) /dev/urandom >>"$dir/agreement-$part.pdf"
    done
    "$evident" evidence add "$dir"/agreement-*.pdf --home "$home" --kind data-processing-agreement \
        --title "Data processing agreement" --covers USE-1 --party AUT-1 --signed 2025-01-01 >/dev/null
}
