${t("mail.greeting", name)}

${t("mail.third-party-receipt.body")}

${hash}

${t("mail.third-party-receipt.verify")}
${link}

--
${t("mail.footer")}
