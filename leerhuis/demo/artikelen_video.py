"""The demo's video article: "Wat is een opgave?" in 40 seconds, a file made for this project
(leerhuis/demo/video/, with how it was made) with Dutch captions and the transcript below.

The transcript says what the captions say, sentence for sentence, and what the title cards
show; tests/knowledge/test_video_demo.py holds the three together.
"""

from leerhuis.demo.artikelen_vorm import artikel, kop, tekst, video

TRANSCRIPT = """
<p>Titelkaarten in het blauw van het Digitale Leerhuis, met een gesproken toelichting.</p>
<p><strong>In beeld: Wat is een opgave? Een korte uitleg van het Digitale Leerhuis.</strong><br/>
Stem: Wat is een opgave? Een korte uitleg van het Digitale Leerhuis.</p>
<p><strong>In beeld: Een opgave is een maatschappelijk vraagstuk dat geen afdeling alleen
oplost.</strong><br/>
Stem: Een opgave is een maatschappelijk vraagstuk dat geen afdeling of organisatie alleen kan
oplossen.</p>
<p><strong>In beeld: Bijvoorbeeld genoeg betaalbare woningen, een wijk waar mensen graag
wonen.</strong><br/>
Stem: Denk aan genoeg betaalbare woningen, of een wijk waar mensen graag wonen.</p>
<p><strong>In beeld: Samen: projecten, processen en programma's dragen bij aan de
opgave.</strong><br/>
Stem: Projecten, processen en programma's dragen daar samen aan bij. Geen van hen is de opgave
zelf.</p>
<p><strong>In beeld: Opgave-sturing: sturen op de samenhang, met een sterk opdrachtgevend
niveau.</strong><br/>
Stem: Opgave-sturing betekent: sturen op die samenhang, met een sterk opdrachtgevend niveau.</p>
<p><strong>In beeld: Lees verder in de kennisbank, en doe de test: project, proces of
programma?</strong><br/>
Stem: Lees verder in de kennisbank, en doe de test: project, proces of programma?</p>
"""

VIDEO_WAT_IS_EEN_OPGAVE = artikel(
    "video-wat-is-een-opgave",
    "Video: wat is een opgave?",
    """In veertig seconden: wat een opgave is, en waarom projecten, processen en programma's
    samen bijdragen aan één opgave. Met ondertiteling en uitgeschreven tekst.""",
    kind="video",
    themes=["Opgave-sturing"],
    begrippen=["opgave", "maatschappelijk-vraagstuk", "opgave-sturing"],
    days_ago=5,
    body=[
        tekst("""<p>Een korte uitleg om een gesprek mee te beginnen: in het team, met een
        nieuwe collega of met het bestuur. De video speelt op deze pagina zelf; er komt niets
        van een andere website.</p>"""),
        video(
            "Wat is een opgave?",
            file="wat-is-een-opgave.mp4",
            captions="wat-is-een-opgave.vtt",
            duration=42,
            transcript=TRANSCRIPT,
        ),
        kop("Verder lezen"),
        tekst("""<p>Het artikel <em>Wat is een opgave? Niet alles wat belangrijk is</em> in de
        kennisbank gaat dieper in op het verschil tussen een maatschappelijk vraagstuk en een
        opgave. Twijfel je of iets een project, een proces of een programma is? Doe dan de test
        <em>Project, proces of programma?</em>.</p>"""),
    ],
)

ARTICLES = [VIDEO_WAT_IS_EEN_OPGAVE]
