import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.util.Random;

/**
 * Writes a Zoom "save chat" log of N public messages (default 20,000; direct messages come on top) to standard output, as a busy one-hour session would
 * produce: greetings, questions in French and English, "+1" votes, multi-line messages, emoji, a few direct messages
 * and a few very long messages. Times start at 10:00:00 and stay in order. Deterministic (fixed seed).
 *
 *   java bench/qa-import/ChatLogGen.java 20000 > chat.txt
 */
public class ChatLogGen {

    private static final String[] FIRST = {
        "Claire", "Yannick", "Sophie", "Karim", "Élodie", "Thomas", "Marc", "Ana", "Ben", "Chloé", "Dan", "Ève",
        "François", "Hélène", "Inès", "Jules", "Léa", "Mathis", "Noémie", "Omar"
    };
    private static final String[] LAST = {
        "Martin", "Le Goff", "Bernard", "Haddad", "Roux", "Nguyen", "Petit", "Lima", "Diallo", "Dupont", "Moreau"
    };
    private static final String[] CHAT = {
        "Bonjour à toutes et à tous, je me connecte depuis Lyon",
        "Merci pour cette présentation très claire 👏",
        "Je suis d'accord avec ce qui vient d'être dit",
        "Le son coupe un peu de mon côté",
        "Référence évoquée : Axelrod, The Evolution of Cooperation (1984)",
        "Très intéressant, merci 🙏",
        "Hello from Brussels!",
        "On retrouve la même chose dans notre association"
    };
    private static final String[] QUESTIONS = {
        "Comment mesure-t-on la résilience d'un territoire ?",
        "Quelle différence faites-vous entre coopération et collaboration ?",
        "Est-ce que le support sera disponible après la session ?",
        "How do you start a cooperation between two organisations?",
        "Pourquoi la confiance vient-elle avant la coopération",
        "Which indicators would you suggest for a small town?",
        "Combien de temps faut-il pour qu'un groupe coopère vraiment ?"
    };

    public static void main(String[] args) throws IOException {
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 20_000;
        Random random = new Random(2020);
        var out = new BufferedWriter(new OutputStreamWriter(System.out, StandardCharsets.UTF_8), 1 << 16);
        int seconds = 60;
        for (int i = 0, written = 0; written < n; i++) {
            seconds += random.nextInt(3) == 0 ? 1 : 0;
            String time = "%02d:%02d:%02d".formatted(10 + seconds / 3600, seconds / 60 % 60, seconds % 60);
            String name = FIRST[random.nextInt(FIRST.length)] + " " + LAST[random.nextInt(LAST.length)];
            int kind = random.nextInt(100);
            if (kind < 2) {
                out.write(time + " From " + name + " to Animation(Direct Message) : message privé " + i + "\n");
                continue;
            }
            String text;
            if (kind < 8) {
                text = QUESTIONS[random.nextInt(QUESTIONS.length)] + " (" + i + ")";
            } else if (kind < 11) {
                text = "+1";
            } else if (kind < 12) {
                text = "Un long message " + "qui continue ".repeat(300) + i;
            } else {
                text = CHAT[random.nextInt(CHAT.length)];
            }
            out.write(time + "\t From  " + name + " : " + text + "\n");
            written++;
            if (kind >= 12 && kind < 15) {
                out.write("et une deuxième ligne pour le message " + i + " 🌱\n");
            }
        }
        out.flush();
    }
}
