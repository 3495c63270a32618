package org.parcours.library.qa;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import java.nio.charset.Charset;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** Every chat sample, and the variants organisers' files really come in, read by {@link ChatReader}. */
class ChatReaderTest {

    private final ChatReader reader = new ChatReader();
    private final Timeline ten = new Timeline(ChatSamples.TEN_O_CLOCK);

    private ParsedChat read(String text) {
        return reader.read(text.getBytes(UTF_8), ten);
    }

    private ParsedChat sample(String name) {
        return reader.read(ChatSamples.bytes(name), ten);
    }

    private static List<String> texts(ParsedChat chat) {
        return chat.messages().stream().map(ChatMessage::text).toList();
    }

    @Nested
    class TheSamples {

        @Test
        void zoomLocalSave() {
            ParsedChat chat = sample("zoom-local-save.txt");
            assertThat(chat.format()).isEqualTo(ChatFormat.ZOOM_LOCAL);
            assertThat(chat.messages()).hasSize(11);
            assertThat(chat.problems()).isEmpty();
            assertThat(chat.messages().getFirst())
                    .extracting(ChatMessage::line, ChatMessage::clock, ChatMessage::offsetSeconds, ChatMessage::author)
                    .containsExactly(1, "10:01:12", 72, "Claire Martin");
            assertThat(chat.messages().get(6).text())
                    .isEqualTo("Comment mesure-t-on la résilience d'un territoire ? Y a-t-il des indicateurs ?");
            assertThat(chat.messages().get(6).offsetSeconds()).isEqualTo(22 * 60 + 48);
            assertThat(chat.messages().get(5).author()).isEqualTo("Animation InsTerCoop");
            assertThat(chat.messages()).allSatisfy(m -> assertThat(m.votes()).isNull());
        }

        @Test
        void zoomCloudRecording() {
            ParsedChat chat = sample("zoom-cloud-recording.txt");
            assertThat(chat.format()).isEqualTo(ChatFormat.ZOOM_CLOUD);
            assertThat(chat.messages()).hasSize(8);
            assertThat(chat.messages())
                    .extracting(ChatMessage::clock, ChatMessage::offsetSeconds, ChatMessage::author)
                    .startsWith(tuple("00:01:12", 72, "Claire Martin"), tuple("00:01:40", 100, "Yannick Le Goff"));
            assertThat(chat.messages().get(4).text()).isEqualTo("+1 pour la question de Karim");
        }

        @Test
        void zoomNewMeetingChatWithRepliesReactionsAndADirectMessage() {
            ParsedChat chat = sample("zoom-new-meeting-chat.txt");
            assertThat(chat.format()).isEqualTo(ChatFormat.ZOOM_MEETING);
            assertThat(chat.problems()).isEmpty();
            assertThat(chat.directMessages()).isEqualTo(1);
            assertThat(texts(chat))
                    .containsExactly(
                            "Bonjour à toutes et à tous, je me connecte depuis Lyon",
                            "Est-ce que le support sera disponible après la session ?",
                            "Quelle différence faites-vous entre coopération et collaboration ?\n"
                                    + "Je pose la question car dans mon organisation on utilise les deux mots.",
                            "Je crois que la collaboration porte sur une tâche, la coopération sur une relation ?",
                            "Comment mesure-t-on la résilience d'un territoire ? Y a-t-il des indicateurs ?",
                            "Merci beaucoup, très riche !");
            assertThat(texts(chat)).noneMatch(t -> t.contains("10h45"));
            ChatMessage karim = chat.messages().get(2);
            assertThat(karim.votes()).as("the 👍 reaction").isEqualTo(1);
            assertThat(karim.offsetSeconds()).isEqualTo(9 * 60 + 51);
            ChatMessage reply = chat.messages().get(3);
            assertThat(reply.replyTo()).isEqualTo(2);
            assertThat(reply.author()).isEqualTo("Yannick Le Goff");
            assertThat(chat.messages())
                    .filteredOn(m -> m != karim)
                    .allSatisfy(m -> assertThat(m.votes()).isNull());
        }

        @Test
        void youTubeLiveChatReplay() {
            ParsedChat chat = sample("youtube-live_chat.json");
            assertThat(chat.format()).isEqualTo(ChatFormat.YOUTUBE);
            assertThat(chat.problems()).isEmpty();
            assertThat(chat.messages())
                    .extracting(ChatMessage::clock, ChatMessage::offsetSeconds, ChatMessage::author)
                    .containsExactly(
                            tuple("1:12", 72, "Claire Martin"),
                            tuple("4:05", 245, "Sophie Bernard"),
                            tuple("9:51", 591, "Karim Haddad"),
                            tuple("22:48", 1368, "Élodie Roux"),
                            tuple("41:59", 2519, "Marc Petit"));
            assertThat(texts(chat))
                    .startsWith(
                            "Bonjour depuis Lyon 👋",
                            "Est-ce que le support sera disponible après la session ?",
                            "Quelle différence entre coopération et collaboration ?");
        }
    }

    @Nested
    class Variants {

        @Test
        void crlfAndAByteOrderMarkAndEmptyLines() {
            String crlf = "\uFEFF" + ChatSamples.text("zoom-local-save.txt").replace("\n", "\r\n\r\n");
            ParsedChat chat = reader.read(crlf.getBytes(UTF_8), ten);
            assertThat(chat.format()).isEqualTo(ChatFormat.ZOOM_LOCAL);
            assertThat(chat.messages()).hasSize(11);
            assertThat(chat.messages().getFirst().author()).isEqualTo("Claire Martin");
            assertThat(chat.messages().get(1).line())
                    .as("line numbers count the empty lines")
                    .isEqualTo(3);
            assertThat(texts(chat)).noneMatch(t -> t.contains("\r") || t.contains("\uFEFF"));
        }

        @Test
        void latin1IsReadAsWindows1252() {
            String text = "10:22:48\t From  Élodie Roux : Comment mesure-t-on la résilience ? Ça coûte 5 €\n";
            ParsedChat chat = reader.read(text.getBytes(Charset.forName("windows-1252")), ten);
            assertThat(chat.messages().getFirst().author()).isEqualTo("Élodie Roux");
            assertThat(chat.messages().getFirst().text()).isEqualTo("Comment mesure-t-on la résilience ? Ça coûte 5 €");
            ParsedChat iso = reader.read(text.replace(" €", "").getBytes(Charset.forName("ISO-8859-1")), ten);
            assertThat(iso.messages().getFirst().text()).endsWith("Ça coûte 5");
        }

        @Test
        void multiLineMessagesContinueUntilTheNextTime() {
            ParsedChat chat = read("""
                    10:05:00\t From  Karim Haddad : Première ligne
                    deuxième ligne
                    10:06:00\t From  Claire Martin : Autre message
                    """);
            assertThat(texts(chat)).containsExactly("Première ligne\ndeuxième ligne", "Autre message");
        }

        @Test
        void emojiAreKept() {
            ParsedChat chat = read("00:01:00\tAna 🌱 Lima:\tMerci 🙏🏽 pour la session 👏\n");
            assertThat(chat.format()).isEqualTo(ChatFormat.ZOOM_CLOUD);
            assertThat(chat.messages().getFirst().author()).isEqualTo("Ana 🌱 Lima");
            assertThat(chat.messages().getFirst().text()).isEqualTo("Merci 🙏🏽 pour la session 👏");
        }

        @Test
        void veryLongMessagesAreCutWithAnEllipsisNotRefused() {
            String longText = "🌱".repeat(3000);
            ParsedChat chat = read("00:01:00\tAna:\t" + longText + "\n00:02:00\tBen:\tcourt\n");
            String kept = chat.messages().getFirst().text();
            assertThat(kept.length()).isLessThanOrEqualTo(ChatText.MAX_TEXT);
            assertThat(kept).endsWith(ChatText.ELLIPSIS).startsWith("🌱🌱");
            assertThat(Character.isHighSurrogate(kept.charAt(kept.length() - 2)))
                    .isFalse();
            assertThat(chat.truncated()).isEqualTo(1);
            assertThat(chat.messages().get(1).text()).isEqualTo("court");
        }

        @Test
        void zoomLocalSaveWithRecipientsKeepsOnlyMessagesToEveryone() {
            ParsedChat chat = read("""
                    10:01:12 From Claire Martin to Everyone : Bonjour à tous
                    10:02:00 From Élodie Roux to Animation(Privately) : je dois partir tôt
                    et c'est personnel
                    10:03:00 From  Karim Haddad  to  Everyone: Une question ?
                    10:04:00 De Sophie Bernard à Tout le monde : Bonjour
                    10:05:00 From Marc Petit to Animation(Direct Message) : secret
                    """);
            assertThat(chat.format()).isEqualTo(ChatFormat.ZOOM_LOCAL);
            assertThat(texts(chat)).containsExactly("Bonjour à tous", "Une question ?", "Bonjour");
            assertThat(chat.messages())
                    .extracting(ChatMessage::author)
                    .containsExactly("Claire Martin", "Karim Haddad", "Sophie Bernard");
            assertThat(chat.directMessages()).isEqualTo(2);
        }

        @Test
        void meetingChatDirectMessagesNeverImportedEvenInCrlf() {
            String text = ChatSamples.text("zoom-new-meeting-chat.txt").replace("\n", "\r\n");
            ParsedChat chat = reader.read(text.getBytes(UTF_8), ten);
            assertThat(chat.directMessages()).isEqualTo(1);
            assertThat(texts(chat)).noneMatch(t -> t.contains("partir"));
            assertThat(chat.messages()).noneMatch(m -> m.author().contains("Animation"));
        }

        @Test
        void meetingChatReactionsAddUpAndCanBeTakenBack() {
            ParsedChat chat = read("""
                    10:09:51 From Karim Haddad To Everyone:
                    \tQuelle différence faites-vous entre coopération et collaboration ?
                    10:10:02 From Claire Martin To Everyone:
                    \tReacted to "Quelle différence fai..." with 👍
                    10:10:03 From Ana Lima To Everyone:
                    \tReacted to "Quelle différence fai..." with ❤️
                    10:10:04 From Ben Diallo To Everyone:
                    \tReacted to "Quelle différence fai..." with 👍
                    10:10:09 From Ben Diallo To Everyone:
                    \tRemoved a 👍 reaction from "Quelle différence fai..."
                    10:11:00 From Ben Diallo To Everyone:
                    \tReacted to "Nothing like this..." with 👍
                    """);
            assertThat(chat.messages()).hasSize(1);
            assertThat(chat.messages().getFirst().votes()).isEqualTo(2);
            assertThat(chat.problems())
                    .extracting(ChatProblem::line, ChatProblem::reason)
                    .containsExactly(tuple(11, "qa.problem.reactionTarget"));
        }

        @Test
        void csvWithHeaderQuotesAndVotes() {
            ParsedChat chat = read("""
                    time,author,text,votes
                    0:04:05,Sophie Bernard,"Est-ce que le support sera disponible, après ?",3
                    22:48,Élodie Roux,"Sur deux
                    lignes",
                    ,Anonyme,Sans heure,
                    2020-04-02 10:30:00,Yannick Le Goff,Heure d'horloge,0
                    """);
            assertThat(chat.format()).isEqualTo(ChatFormat.CSV);
            assertThat(chat.problems()).isEmpty();
            assertThat(chat.messages())
                    .extracting(ChatMessage::line, ChatMessage::offsetSeconds, ChatMessage::text, ChatMessage::votes)
                    .containsExactly(
                            tuple(2, 245, "Est-ce que le support sera disponible, après ?", 3),
                            tuple(3, 1368, "Sur deux\nlignes", null),
                            tuple(5, null, "Sans heure", null),
                            tuple(6, 1800, "Heure d'horloge", 0));
        }

        @Test
        void csvWithoutHeaderOrWithSemicolonsAndFrenchNames() {
            ParsedChat plain = read("00:01:12,Claire Martin,Bonjour\n00:04:05,Sophie Bernard,Une question ?\n");
            assertThat(plain.format()).isEqualTo(ChatFormat.CSV);
            assertThat(texts(plain)).containsExactly("Bonjour", "Une question ?");
            ParsedChat french = read("auteur;heure;texte\nClaire Martin;72;Bonjour, tout le monde\n");
            assertThat(french.messages().getFirst())
                    .extracting(ChatMessage::author, ChatMessage::offsetSeconds, ChatMessage::text)
                    .containsExactly("Claire Martin", 72, "Bonjour, tout le monde");
        }

        @Test
        void youTubeCustomEmojiAndPaidMessagesAndOtherItems() {
            String custom = """
                    {"replayChatItemAction": {"actions": [{"addChatItemAction": {"item": {"liveChatPaidMessageRenderer": {"message": {"runs": [{"text": "Merci "}, {"emoji": {"emojiId": "UCabc/xyz", "shortcuts": [":chaine-coeur:"], "isCustomEmoji": true}}]}, "authorName": {"simpleText": "Ana"}}}}}], "videoOffsetTimeMsec": "5500"}}
                    {"replayChatItemAction": {"actions": [{"addChatItemAction": {"item": {"liveChatMembershipItemRenderer": {"id": "x"}}}}], "videoOffsetTimeMsec": "6000"}}
                    """;
            ParsedChat chat = read(custom);
            assertThat(chat.messages()).singleElement().satisfies(m -> {
                assertThat(m.text()).isEqualTo("Merci :chaine-coeur:");
                assertThat(m.offsetSeconds()).isEqualTo(5);
                assertThat(m.clock()).isEqualTo("0:05");
            });
            assertThat(chat.skippedItems()).isEqualTo(1);
        }
    }

    @Nested
    class BadInput {

        @Test
        void brokenLinesAreListedWithTheirNumbersAndTheRestIsRead() {
            ParsedChat chat = read("""
                    Texte avant tout message
                    10:01:12\t From  Claire Martin : Bonjour
                    10:02:99\t From  Karim Haddad : heure impossible
                    10:03:00\t From Yannick sans deux-points
                    10:04:05\t From  Sophie Bernard : Est-ce que le support sera disponible ?
                    """);
            assertThat(texts(chat)).containsExactly("Bonjour", "Est-ce que le support sera disponible ?");
            assertThat(chat.problems())
                    .extracting(ChatProblem::line, ChatProblem::reason)
                    .containsExactly(
                            tuple(1, "qa.problem.line"), tuple(3, "qa.problem.time"), tuple(4, "qa.problem.line"));
            assertThat(chat.problems().get(2).excerpt()).contains("Yannick sans deux-points");
        }

        @Test
        void brokenJsonLinesAndCsvRows() {
            String json = ChatSamples.text("youtube-live_chat.json");
            String[] lines = json.split("\n");
            lines[2] = lines[2].substring(0, 40);
            ParsedChat youtube = read(String.join("\n", lines));
            assertThat(youtube.messages()).hasSize(4);
            assertThat(youtube.problems())
                    .extracting(ChatProblem::line, ChatProblem::reason)
                    .containsExactly(tuple(3, "qa.problem.json"));

            ParsedChat csv = read("time,author,text\n1:00,Ana,ok\nhier,Ben,mauvaise heure\n2:00,Chloé\n3:00,Dan,fin\n");
            assertThat(texts(csv)).containsExactly("ok", "fin");
            assertThat(csv.problems())
                    .extracting(ChatProblem::line, ChatProblem::reason)
                    .containsExactly(tuple(3, "qa.problem.time"), tuple(4, "qa.problem.csvColumns"));
        }

        @Test
        void unknownFormatEmptyFileAndNoMessages() {
            assertThatThrownBy(() -> read("Ceci n'est pas un export de discussion.\nDu tout.\n"))
                    .isInstanceOf(ChatRejected.class)
                    .extracting(e -> ((ChatRejected) e).messageKey())
                    .isEqualTo("qa.import.unknownFormat");
            assertThatThrownBy(() -> reader.read(new byte[0], ten))
                    .extracting(e -> ((ChatRejected) e).messageKey())
                    .isEqualTo("qa.import.empty");
            assertThatThrownBy(() -> read("10:01:12 From Élodie Roux To Animation(Direct Message):\n\tsecret\n"))
                    .extracting(e -> ((ChatRejected) e).messageKey())
                    .isEqualTo("qa.import.noMessages");
        }

        @Test
        void binaryGarbageIsAnUnknownFormat() {
            byte[] garbage = new byte[2048];
            new java.util.Random(42).nextBytes(garbage);
            assertThatThrownBy(() -> reader.read(garbage, ten))
                    .extracting(e -> ((ChatRejected) e).messageKey())
                    .isEqualTo("qa.import.unknownFormat");
        }
    }

    @Nested
    class Times {

        @Test
        void wallClockTimesBecomeOffsetsFromTheStartInTheSessionsZone() {
            assertThat(ten.ofClock(java.time.LocalTime.of(10, 22, 48))).isEqualTo(1368);
            assertThat(ten.ofClock(java.time.LocalTime.of(9, 59, 0)))
                    .as("before the start")
                    .isNull();
            Timeline lateEvening =
                    new Timeline(ChatSamples.TEN_O_CLOCK.withHour(23).withMinute(30));
            assertThat(lateEvening.ofClock(java.time.LocalTime.of(0, 10)))
                    .as("after midnight")
                    .isEqualTo(40 * 60);
        }

        @Test
        void pmTimesAreRead() {
            Timeline afternoon = new Timeline(ChatSamples.TEN_O_CLOCK.withHour(18));
            ParsedChat chat = reader.read("6:05 PM From Ana to Everyone : Bonjour\n".getBytes(UTF_8), afternoon);
            assertThat(chat.messages().getFirst().offsetSeconds()).isEqualTo(300);
        }
    }
}
