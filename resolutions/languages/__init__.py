"""The six official languages: what comes in is a paragraph's English identifier and the texts
of the other five (read by the same Akoma Ntoso reader); what goes out is each text aligned to
its English paragraph (``alignment``), analysed for search (``analysis``) and cited in the
language's own form (``forms``) -- these three are pure Python, no Django import -- and the
reads the pages and the search make (``selectors``, ``search``)."""
