"""Curated Greek and English stop words, in their folded form (lower case, no accents, σ for ς).

The Greek list is modern Greek (articles, pronouns, prepositions, particles, conjunctions and
the commonest auxiliaries), after Lucene's GreekAnalyzer list and the Snowball project's; the
English list is the classic search-engine list plus words that every EU call text repeats and
that say nothing about its subject (proposal, project, action...).
"""

from __future__ import annotations

_GREEK_WORDS = """
    ο η το οι τα του τησ των τον την τουσ τισ ενα ενασ μια μιασ ενοσ ενο
    και κι η ειτε ουτε ουδε μητε αλλα ομωσ ωστοσο ενω αν εαν οταν οπωσ οπου
    ωσ ωστε αφου αφοτου επειδη διοτι γιατι οτι πωσ πριν μολισ μεχρι εωσ
    σε στο στη στην στον στα στουσ στισ στων στησ στου απο για με μετα
    χωρισ προσ παρα κατα δια υπερ υπο αντι εναντι ανευ μεσω μεταξυ εκτοσ
    εντοσ πανω κατω μεσα εξω διπλα γυρω ολοι ολα ολεσ ολη ολο ολων ολουσ
    εγω εσυ αυτοσ αυτη αυτο εμεισ εσεισ αυτοι αυτεσ αυτα αυτου αυτησ αυτων
    αυτον αυτην αυτουσ αυτεσ μου σου μασ σασ τουσ τησ τοσ τη τον
    εμενα εσενα εμασ εσασ αυτουσ αυτεσ
    ποιοσ ποια ποιο ποιοι ποιεσ ποιων ποιον ποιουσ τι τινα κατι καποιοσ
    καποια καποιο καποιοι καποιεσ καθε καθενασ καθεμια καθενα τιποτα κανεισ
    κανενα καμια αλλοσ αλλη αλλο αλλοι αλλεσ αλλα αλλων ιδιοσ ιδια ιδιο
    τετοιοσ τετοια τετοιο οποιοσ οποια οποιο οποιοι οποιεσ οποιων οποιουσ
    οποιον οποιαν οποιασ οποιου
    δεν δε μη μην οχι ναι θα να ασ ισωσ μαλλον πολυ λιγο πιο πλεον ηδη ακομα
    ακομη παντα ποτε τοτε τωρα εδω εκει πια επισησ ετσι μονο μονοσ μονη
    σαν λοιπον οσο οσα οσοι οσεσ οσων τοσο τοσα
    ειμαι εισαι ειναι ειμαστε ειστε ηταν ημουν ηταν ημασταν εχει εχουν εχω
    εχουμε ειχε ειχαν γινεται γινονται μπορει μπορουν πρεπει
"""

_ENGLISH_WORDS = """
    a about above after again against all also am an and any are as at be because been
    before being below between both but by can could did do does doing down during each
    either etc few for from further had has have having he her here hers herself him
    himself his how i if in into is it its itself just may me might more most must my
    myself neither no nor not now of off on once only or other otherwise our ours
    ourselves out over own per same shall she should so some such than that the their
    theirs them themselves then there these they this those through thus to too under
    until up upon us very via was we were what when where whether which while who whom
    whose why will with within without would yet you your yours yourself yourselves
    well however therefore hence eg ie
"""

GREEK = frozenset(_GREEK_WORDS.split())
ENGLISH = frozenset(_ENGLISH_WORDS.split())

ALL = GREEK | ENGLISH
