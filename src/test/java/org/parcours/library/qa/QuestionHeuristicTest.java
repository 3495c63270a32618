package org.parcours.library.qa;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The pre-selection rules of docs/library-qa.md, message by message. */
class QuestionHeuristicTest {

    @ParameterizedTest
    @ValueSource(
            strings = {
                "Est-ce que le support sera disponible après la session ?",
                "Pour moi la confiance vient avant la coopération, non ?",
                "Comment mesure-t-on la résilience d'un territoire",
                "Pourquoi coopérer plutôt que collaborer",
                "Quelle différence entre coopération et collaboration",
                "quels outils pour démarrer",
                "Qui a écrit ce livre",
                "Où trouver les supports",
                "Quand aura lieu la prochaine session",
                "Combien de personnes dans le groupe",
                "est-ce que la vidéo sera en ligne",
                "Y a-t-il des indicateurs",
                "Pensez-vous que cela s’applique aux associations",
                "Je me demande comment faire avec une équipe dispersée",
                "Ma question : la confiance précède-t-elle la coopération",
                "How do you measure resilience",
                "Why cooperate",
                "What is the difference",
                "Which book was it",
                "Who said that",
                "When is the next session",
                "Where are the slides",
                "Can we share the slides",
                "Could you repeat the reference",
                "Should we read the book first",
                "Is the video online",
                "Are slides available",
                "Do you have the link",
                "Does it apply to companies",
                "I wonder how this scales",
                "« Quel est le lien avec la résilience »",
                "Une question？",
                "¿Por qué"
            })
    void questions(String message) {
        assertThat(QuestionHeuristic.isQuestion(message)).as(message).isTrue();
        assertThat(QuestionHeuristic.isVote(message)).as(message).isFalse();
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "Bonjour à toutes et à tous, je me connecte depuis Lyon",
                "Bonjour ! Présent depuis Rennes.",
                "Le support et la vidéo seront en ligne d'ici la fin de la semaine.",
                "Référence évoquée : Axelrod, The Evolution of Cooperation (1984)",
                "Merci beaucoup, très riche !",
                "Merci, à jeudi prochain",
                "C'est pourquoi la confiance compte.",
                "That's why we meet every week.",
                "Rendez-vous jeudi prochain",
                "Bonjour depuis Lyon 👋",
                "Great talk, thanks",
                ""
            })
    void notQuestions(String message) {
        assertThat(QuestionHeuristic.isQuestion(message)).as(message).isFalse();
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "+1",
                "+ 1",
                "+1 pour la question de Karim",
                "+100",
                "++",
                "👍",
                "Same question",
                "même question que Sophie",
                "Moi aussi !",
                "moi aussi, bonne question",
                "me too",
                "idem"
            })
    void votesOnThePreviousQuestion(String message) {
        assertThat(QuestionHeuristic.isVote(message)).as(message).isTrue();
        assertThat(QuestionHeuristic.isQuestion(message)).as(message).isFalse();
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "+1 et d'ailleurs, comment fait-on pour les grands groupes ?",
                "Moi aussi je me connecte depuis Lyon, avec toute mon équipe de Villeurbanne",
                "1 + 1 = 2"
            })
    void notVotes(String message) {
        assertThat(QuestionHeuristic.isVote(message)).as(message).isFalse();
    }
}
