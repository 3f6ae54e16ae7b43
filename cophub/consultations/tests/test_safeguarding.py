"""The danger signal, measured on sentences that should and should not raise it."""

from cophub.consultations.safeguarding import normalise, signals_danger

DANGER = [
    ("en", "My stepdad hits me when he is drunk"),
    ("en", "i want to k1ll mys3lf"),
    ("en", "sometimes I want to diiie"),
    ("en", "a man online asked me to send nudes and now he is blackmailing me"),
    ("en", "I am scared to go home"),
    ("en", "nobody would miss me"),
    ("fr", "Mon oncle me touche et j'ai peur"),
    ("fr", "je veux mourir"),
    ("fr", "un garçon me fait du chantage avec des photos"),
    ("es", "quiero morirme"),
    ("es", "mi padrastro me pega todos los días"),
    ("es", "un hombre me amenaza por internet"),
    ("ru", "Отчим бьёт меня"),
    ("ru", "я не хочу жить"),
    ("ru", "меня шантажирует парень из игры"),
    ("ar", "أبي يضربني كل يوم"),
    ("ar", "أريد أن أموت"),
    ("ar", "شخص يبتزني بصوري"),
    ("zh", "爸爸经常打我"),
    ("zh", "我不想活了"),
    ("zh", "有人用裸照威胁我"),
]
SAFE = [
    ("en", "I hit the ball and scored a goal"),
    ("en", "The internet is fun and I learn a lot"),
    ("en", "Adults should explain privacy settings"),
    ("fr", "J'aime jouer avec mes amis en ligne"),
    ("es", "Me gusta ver vídeos de ciencia"),
    ("ru", "Мне нравится учиться в интернете"),
    ("ar", "أحب أن أتعلم البرمجة على الإنترنت"),
    ("zh", "我喜欢在网上学习画画"),
]


def test_danger_sentences_are_caught(capsys):
    missed = [sentence for _language, sentence in DANGER if not signals_danger(sentence)]
    with capsys.disabled():
        print(f"\ndanger signal: {len(DANGER) - len(missed)}/{len(DANGER)} caught; missed {missed}")
    assert missed == []


def test_ordinary_sentences_raise_no_alarm():
    assert [sentence for _language, sentence in SAFE if signals_danger(sentence)] == []


def test_normalisation():
    assert normalise("HELLLLO  Wörld") == "helo world"
    assert normalise("أَنا إِلى") == "انا الي"
    assert normalise("ёж") == "ёж"
