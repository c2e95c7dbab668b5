"""`verify --all` at wallet scale: 1,000 signed OB 3.0 credentials, one core against the process pool.

Same credentials, same run: `verify_credentials(..., workers=1)` against the default (all cores, used when
enough credentials need real work), with the results cache off so both do the full work; then a second
`verify --all` with the cache on (dates and status re-run, signatures reused).
Usage: python bench/verify_all.py [--count N]
"""

from __future__ import annotations

import argparse
import copy
import os
import time

from credwallet.model import Container, Credential, CredentialFormat, Issuer
from credwallet.verify.signing import sign_data_integrity
from verify import ISSUER, KEY, NOW, typical_credential


def signed_credentials(count: int) -> list[Credential]:
    credentials = []
    for index in range(count):
        document = copy.deepcopy(typical_credential())
        document["id"] = f"urn:uuid:00000000-0000-4000-8000-{index:012d}"
        document.pop("proof", None)
        signed = sign_data_integrity(document, KEY, cryptosuite="eddsa-rdfc-2022")
        credentials.append(
            Credential(
                format=CredentialFormat.OB3,
                name=str(document["name"]),
                issuer=Issuer(id=ISSUER),
                container=Container.JSON,
                document=signed,
                original_bytes=str(index).encode(),
                wallet_id=f"{index:08x}",
            )
        )
    return credentials


def main() -> None:
    from credwallet.verification import saved_form, verify_credentials

    parser = argparse.ArgumentParser()
    parser.add_argument("--count", type=int, default=1000)
    args = parser.parse_args()
    credentials = signed_credentials(args.count)
    started = time.perf_counter()
    serial = verify_credentials(credentials, identities=[], now=NOW, use_cache=False, workers=1)
    serial_s = time.perf_counter() - started
    started = time.perf_counter()
    pooled = verify_credentials(credentials, identities=[], now=NOW, use_cache=False)
    pooled_s = time.perf_counter() - started
    assert [r.report.status for r in serial] == [r.report.status for r in pooled]
    for result in pooled:  # what the wallet saves, so the next run can reuse the signature checks
        result.credential.verification = saved_form(result.report, _key(result.credential))
    started = time.perf_counter()
    verify_credentials(credentials, identities=[], now=NOW, secret=BENCH_SECRET)
    cached_s = time.perf_counter() - started
    statuses = {r.report.status.value for r in pooled}
    print(f"{args.count} eddsa-rdfc-2022 credentials ({', '.join(sorted(statuses))}); {os.cpu_count()} cores")
    print(f"one core:     {serial_s:6.2f} s  ({serial_s / args.count * 1000:.1f} ms/credential)")
    print(f"process pool: {pooled_s:6.2f} s  ({pooled_s / args.count * 1000:.1f} ms/credential); "
          f"speed-up {serial_s / pooled_s:.2f}x")
    print(f"cached rerun: {cached_s:6.2f} s  (signatures reused; dates and status re-run)")


def _key(credential: Credential) -> str:
    from credwallet.verification import cache_key

    return cache_key(credential, [], secret=BENCH_SECRET)


BENCH_SECRET = b"bench/verify_all.py wallet secret"  # a wallet's own secret keys its verification cache


if __name__ == "__main__":
    main()
