${t("mail.greeting", name)}

${t("mail.invitation.body", username)}

${link}

${t("mail.invitation.expires", expires)}

--
${t("mail.footer")}
