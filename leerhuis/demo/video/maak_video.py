"""How the demo video "Wat is een opgave?" and its captions were made, once, for this project.

Not run by the site or load_demo: they read the files this wrote (wat-is-een-opgave.mp4 and
.vtt beside it). To make them again, with Debian's packages:

    apt-get install ffmpeg espeak-ng fonts-dejavu-core
    python leerhuis/demo/video/maak_video.py

Title cards in the house colours with a spoken text (espeak-ng's Dutch voice), and WebVTT
captions cut from the same sentences, timed by the length of each spoken sentence, so the
captions and the sound can never disagree. The transcript in leerhuis/demo/artikelen_video.py
says the same; a test holds them together.
"""

import subprocess
import tempfile
import wave
from pathlib import Path

HERE = Path(__file__).resolve().parent
NAME = "wat-is-een-opgave"
WIDTH, HEIGHT, FPS = 854, 480, 12
BLUE, WHITE, YELLOW = "0x14477d", "white", "0xffdd00"  # --color-primary, on-primary, focus
FONT = "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf"
FONT_BOLD = "/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf"
LEAD_IN, GAP, TAIL = 0.4, 0.25, 0.7  # seconds of quiet: before, between and after sentences

# Each card: the lines on screen (the first one large) and the sentences spoken over it.
CARDS = [
    (
        ["Wat is een opgave?", "Een korte uitleg van het Digitale Leerhuis"],
        ["Wat is een opgave?", "Een korte uitleg van het Digitale Leerhuis."],
    ),
    (
        ["Een opgave", "is een maatschappelijk vraagstuk", "dat geen afdeling alleen oplost"],
        [
            "Een opgave is een maatschappelijk vraagstuk",
            "dat geen afdeling of organisatie alleen kan oplossen.",
        ],
    ),
    (
        ["Bijvoorbeeld", "genoeg betaalbare woningen", "een wijk waar mensen graag wonen"],
        ["Denk aan genoeg betaalbare woningen,", "of een wijk waar mensen graag wonen."],
    ),
    (
        ["Samen", "projecten, processen en programma's", "dragen bij aan de opgave"],
        [
            "Projecten, processen en programma's",
            "dragen daar samen aan bij.",
            "Geen van hen is de opgave zelf.",
        ],
    ),
    (
        ["Opgave-sturing", "sturen op de samenhang", "met een sterk opdrachtgevend niveau"],
        [
            "Opgave-sturing betekent: sturen op die samenhang,",
            "met een sterk opdrachtgevend niveau.",
        ],
    ),
    (
        ["Lees verder", "in de kennisbank, en doe de test:", "project, proces of programma?"],
        ["Lees verder in de kennisbank,", "en doe de test: project, proces of programma?"],
    ),
]


def speak(text, path):
    # Our own fixed text, to the program found on PATH: an authoring tool, never the site.
    subprocess.run(["espeak-ng", "-v", "nl", "-s", "165", "-w", str(path), text], check=True)  # noqa: S603, S607
    with wave.open(str(path)) as sound:
        return sound.getnframes() / sound.getframerate()


def timestamp(seconds):
    minutes, seconds = divmod(seconds, 60)
    return f"00:{int(minutes):02}:{seconds:06.3f}"


def layout(work):
    """Speak every sentence; return (cards with start and end, cues, the spoken files)."""
    clock, cards, cues, spoken = 0.0, [], [], []
    for number, (lines, sentences) in enumerate(CARDS):
        start = clock
        clock += LEAD_IN
        for index, sentence in enumerate(sentences):
            path = work / f"zin-{number}-{index}.wav"
            length = speak(sentence, path)
            cues.append((clock, clock + length, sentence))
            spoken.append((clock, path))
            clock += length + GAP
        clock += TAIL - GAP
        cards.append((start, clock, lines))
    return cards, cues, spoken, clock


def soundtrack(spoken, total, path):
    """Every sentence at its moment, in one mono track (the wave module, no mixing filter)."""
    with wave.open(str(spoken[0][1])) as first:
        params = first.getparams()
    rate, width = params.framerate, params.sampwidth
    track = bytearray(int(total * rate) * width)
    for moment, sentence in spoken:
        with wave.open(str(sentence)) as sound:
            frames = sound.readframes(sound.getnframes())
        offset = int(moment * rate) * width
        track[offset : offset + len(frames)] = frames
    with wave.open(str(path), "wb") as out:
        out.setparams(params)
        out.writeframes(bytes(track))


def card_filters(cards, work):
    """drawtext for each line of each card; the texts go through files, so no escaping."""
    filters = [
        f"drawbox=x=64:y=96:w=96:h=8:color={YELLOW}:t=fill",
        f"drawtext=fontfile={FONT}:text=Digitale Leerhuis:fontcolor={WHITE}:fontsize=20:x=64:y=48",
    ]
    for number, (start, end, lines) in enumerate(cards):
        enable = f"between(t\\,{start:.3f}\\,{end:.3f})"
        for index, line in enumerate(lines):
            text = work / f"kaart-{number}-{index}.txt"
            text.write_text(line, encoding="utf-8")
            big = index == 0
            filters.append(
                f"drawtext=fontfile={FONT_BOLD if big else FONT}:textfile={text}"
                f":fontcolor={WHITE}:fontsize={44 if big else 30}"
                f":x=64:y={136 + (0 if big else 30 + 48 * index)}:enable='{enable}'"
            )
    return ",".join(filters)


def captions(cues):
    lines = ["WEBVTT - Wat is een opgave? (Nederlandse ondertiteling)", ""]
    for number, (start, end, text) in enumerate(cues, start=1):
        lines += [str(number), f"{timestamp(start)} --> {timestamp(end)}", text, ""]
    return "\n".join(lines)


def main():
    with tempfile.TemporaryDirectory() as folder:
        work = Path(folder)
        cards, cues, spoken, total = layout(work)
        soundtrack(spoken, total, work / "geluid.wav")
        subprocess.run(  # noqa: S603 (fixed arguments, see speak)
            [
                *("ffmpeg", "-y", "-hide_banner", "-loglevel", "error"),
                *("-f", "lavfi", "-i", f"color=c={BLUE}:s={WIDTH}x{HEIGHT}:r={FPS}:d={total:.3f}"),
                *("-i", str(work / "geluid.wav")),
                *("-vf", card_filters(cards, work)),
                *("-c:v", "libx264", "-preset", "veryslow", "-tune", "stillimage", "-crf", "30"),
                *("-pix_fmt", "yuv420p", "-profile:v", "main"),
                *("-c:a", "aac", "-b:a", "40k", "-ac", "1"),
                *("-movflags", "+faststart", "-map_metadata", "-1", "-shortest"),
                *("-metadata", "title=Wat is een opgave?", "-metadata", "language=nld"),
                str(HERE / f"{NAME}.mp4"),
            ],
            check=True,
        )
    (HERE / f"{NAME}.vtt").write_text(captions(cues), encoding="utf-8")
    print(f"{NAME}.mp4: {total:.1f} s, {(HERE / f'{NAME}.mp4').stat().st_size // 1024} kB")


if __name__ == "__main__":
    main()
