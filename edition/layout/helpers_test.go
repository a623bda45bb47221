package layout

// setParagraphs sets the body paragraphs the walk of the book left pending
// (rowPending) and puts their lines in their place among the rows, for
// tests that look at the rows before make-up; Layout streams them to
// make-up instead (startParagraphs, makeUpFrom).
func (fb *flowBuilder) setParagraphs() {
	ps := fb.startParagraphs()
	var rows []row
	for {
		more, ok := ps.next()
		if !ok {
			break
		}
		rows = append(rows, more...)
	}
	fb.rows = rows
	ps.finish()
}

// makeUp makes up rows set beforehand (setParagraphs): makeUpFrom with
// nothing more to come.
func makeUp(g Geometry, rows []row, notes map[int][]noteLine, rebreak rebreakFunc) []bodyPage {
	return makeUpFrom(g, rows, nil, notes, rebreak)
}
