${t("mail.greeting", name)}

${t("mail.reset.body", username)}

${link}

${t("mail.reset.expires", expires)}
${t("mail.reset.ignore")}

--
${t("mail.footer")}
