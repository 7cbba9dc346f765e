${t("mail.greeting", name)}

${t("mail.third-party-code.body", code)}

${t("mail.third-party-code.expires")}

--
${t("mail.footer")}
