import { defineWords } from "../src/framework/words.js";

export const factsWords = defineWords({
  en: {
    "facts.title": "Key facts: {title}",
    "facts.none": "No key facts found in this article.",
    "facts.unavailable":
      "The key facts of this article could not be worked out: it is too long or too unusual to analyse in time.",
    "facts.person": "People",
    "facts.organization": "Organisations",
    "facts.place": "Places",
    "facts.quantity": "Figures",
    "facts.date": "Dates",
    "facts.event": "What happened",
  },
  fr: {
    "facts.title": "Points clés : {title}",
    "facts.none": "Aucun point clé trouvé dans cet article.",
    "facts.unavailable":
      "Les points clés de cet article n’ont pas pu être établis : il est trop long ou trop inhabituel pour être analysé à temps.",
    "facts.person": "Personnes",
    "facts.organization": "Organisations",
    "facts.place": "Lieux",
    "facts.quantity": "Chiffres",
    "facts.date": "Dates",
    "facts.event": "Ce qui s’est passé",
  },
});
