"""The bundled sample events: their short names, source folders and own id namespace.

Samples take ids in their own namespace (`sample-...`) so that a sample never holds the id
of the real conference it illustrates: the organisers' real pack installs beside it.
"""

from __future__ import annotations

from dataclasses import dataclass

SAMPLE_PREFIX = "sample-"
# The PUBLIC demo organiser key's fingerprint (resources/samples/demo-organiser.key).
DEMO_FINGERPRINT = "4E31722E 64235F90 590F8C61 D58FA407 9C30D1D5"


@dataclass(frozen=True, slots=True)
class SampleInfo:
    name: str  # what `fieldvisit sample install NAME` takes
    folder: str  # under resources/samples
    event_id: str
    line: str  # one line about it, for `sample list` and Help > Sample events


SAMPLES: tuple[SampleInfo, ...] = (
    SampleInfo(
        "hague",
        "hague-2017",
        "sample-hague-rftf-2017",
        "International Conference on Returning Foreign Terrorist Fighters, The Hague, "
        "15-16 February 2017, with the Schilderswijk field visit",
    ),
    SampleInfo(
        "ran",
        "ran-central-asia-2021",
        "sample-ran-central-asia-2021",
        "RAN virtual study visit to Central Asia, 25-26 May 2021 (online, two clocks)",
    ),
    SampleInfo(
        "icct",
        "icct-foreign-fighters",
        "sample-icct-foreign-fighters-workshop",
        "ICCT foreign-fighters workshop (invented dates), with a per-country action plan",
    ),
    SampleInfo(
        "liaise",
        "liaise2-2017",
        "sample-liaise2-seminar-2017",
        "3rd European LIAISE 2 seminar, The Hague, 29 March 2017: two presentations "
        "shared, the others confidential",
    ),
)


def is_sample(event_id: str) -> bool:
    """Whether the event is one of the illustrative samples (by its id namespace)."""
    return event_id.startswith(SAMPLE_PREFIX)


def sample_named(name: str) -> SampleInfo | None:
    """The sample called `name` (its short name or its folder), or None."""
    for info in SAMPLES:
        if name in (info.name, info.folder, info.event_id):
            return info
    return None
