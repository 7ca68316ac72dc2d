"""The engine's TF-IDF weighting is scikit-learn's: idf from document frequencies, then
:class:`~sklearn.feature_extraction.text.TfidfTransformer` with the shared options."""

import numpy as np
import pytest
from sklearn.feature_extraction.text import CountVectorizer, TfidfVectorizer

from presslens.text.weighting import TFIDF_OPTIONS, smooth_idf, weigh_counts

DOCUMENTS = {
    "ru": [
        "Министр заявил, что переговоры продолжатся в январе.",
        "Переговоры в январе: министр заявил о новых условиях, условиях мира.",
        "Погода в Киеве: дожди и ветер.",
    ],
    "uk": [
        "Міністр заявив, що переговори триватимуть у січні.",
        "Переговори у січні, переговори у лютому.",
        "Погода в Києві: дощі та вітер, вітер і дощі.",
        "Новини",
    ],
    "ru and uk": [
        "Зеленский заявил о переговорах.",
        "Зеленський заявив про переговори.",
        "Переговоры, переговори и снова переговоры.",
    ],
    "an empty document": [
        "Министр заявил о переговорах.",
        "",
        "Міністр заявив про переговори, переговори.",
    ],
}


@pytest.mark.parametrize("name", sorted(DOCUMENTS))
def test_weighting_equals_scikit_learns_tfidf_vectorizer(name):
    docs = DOCUMENTS[name]
    expected = TfidfVectorizer(sublinear_tf=True).fit(docs)
    counts = CountVectorizer(vocabulary=expected.vocabulary_).transform(docs)
    df = np.bincount(counts.indices, minlength=counts.shape[1])
    idf = smooth_idf(df, len(docs))
    assert np.array_equal(idf, expected.idf_)  # to the last bit
    got = weigh_counts(counts, idf)
    want = expected.transform(docs)
    assert got.shape == want.shape
    assert (got != want).nnz == 0


def test_the_options_are_the_vectorizers():
    vec = TfidfVectorizer(**TFIDF_OPTIONS)
    assert (vec.sublinear_tf, vec.smooth_idf, vec.norm) == (True, True, "l2")
