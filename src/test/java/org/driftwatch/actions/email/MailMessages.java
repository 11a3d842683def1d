package org.driftwatch.actions.email;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;
import jakarta.mail.BodyPart;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;

/** The parts of a received message, walked through the MIME tree. */
record MailMessages(String html, String text, Map<String, byte[]> inline, Map<String, byte[]> attachments) {
    static MailMessages parse(byte[] raw) throws Exception {
        MimeMessage m = new MimeMessage(jakarta.mail.Session.getInstance(new Properties()), new ByteArrayInputStream(raw));
        return parse(m);
    }

    static MailMessages parse(MimeMessage m) throws Exception {
        Walker w = new Walker();
        w.walk(m);
        return new MailMessages(w.html, w.text, w.inline, w.attachments);
    }

    private static final class Walker {
        String html;
        String text;
        final Map<String, byte[]> inline = new LinkedHashMap<>();
        final Map<String, byte[]> attachments = new LinkedHashMap<>();

        void walk(Part p) throws Exception {
            if (p.isMimeType("multipart/*")) {
                Multipart mp = (Multipart) p.getContent();
                for (int i = 0; i < mp.getCount(); i++) {
                    walk(mp.getBodyPart(i));
                }
                return;
            }
            String[] cid = p.getHeader("Content-ID");
            if (Part.ATTACHMENT.equalsIgnoreCase(p.getDisposition())) {
                attachments.put(p.getFileName(), bytes(p));
            } else if (cid != null && p.isMimeType("image/*")) {
                inline.put(cid[0].replaceAll("[<>]", ""), bytes(p));
            } else if (p.isMimeType("text/html")) {
                html = (String) p.getContent();
            } else if (p.isMimeType("text/plain")) {
                text = (String) p.getContent();
            } else if (p instanceof BodyPart && p.getFileName() != null) {
                attachments.put(p.getFileName(), bytes(p));
            }
        }

        static byte[] bytes(Part p) throws Exception {
            try (InputStream in = p.getInputStream()) {
                return in.readAllBytes();
            }
        }
    }

    static String utf8(byte[] b) {
        return new String(b, StandardCharsets.UTF_8);
    }
}
