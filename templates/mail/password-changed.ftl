${t("mail.greeting", name)}

${t("mail.password-changed.body", username, changedAt)}
${t("mail.password-changed.not-you")}

${link}

--
${t("mail.footer")}
